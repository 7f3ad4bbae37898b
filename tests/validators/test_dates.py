import datetime as dt

import pytest

from desktop.common.dates import parse_date


@pytest.mark.parametrize("value", ["20221202", "2022.12.02", "2022-12-02", "2022/12/2",
                                   "2022年12月2日", "２０２２－１２－０２", "2022-12-02 00:00:00",
                                   dt.date(2022, 12, 2), dt.datetime(2022, 12, 2, 9, 30), 44897,
                                   20221202, 20221202.0])
def test_common_forms(value):
    assert parse_date(value) == dt.date(2022, 12, 2)


@pytest.mark.parametrize("value", [None, "", "abc", "2022-13-01", "20220230", "2022", True])
def test_not_dates(value):
    assert parse_date(value) is None
