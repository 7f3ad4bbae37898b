"""The 专利导航 handout's charts, drawn with matplotlib (Agg, no GUI) as PNG bytes.

Chinese labels need a CJK font: the first of :data:`CJK_FONTS` that matplotlib finds on the
system is used (Noto Sans CJK / Source Han Sans, WenQuanYi, then the Windows and macOS fonts).
With none installed the charts are still drawn, and :func:`cjk_font` returns None so the
report can say the labels may not show (Debian/Ubuntu: ``apt-get install fonts-noto-cjk``).
"""

from __future__ import annotations

import io
import logging
import threading
from typing import Any

log = logging.getLogger(__name__)
CJK_FONTS = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei", "DengXian",
    "PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti", "Noto Serif CJK SC",
    "AR PL UMing CN", "Droid Sans Fallback",
)
_lock = threading.Lock()
_font: list[str | None] = []


def cjk_font() -> str | None:
    """The family name of the CJK font charts use, or None when the system has none."""
    with _lock:
        if not _font:
            from matplotlib import font_manager

            names = {f.name for f in font_manager.fontManager.ttflist}
            found = next((n for n in CJK_FONTS if n in names), None)
            if found is None:
                log.warning("no CJK font found for charts (looked for %s)", ", ".join(CJK_FONTS))
            _font.append(found)
        return _font[0]


def _figure(height: float) -> Any:
    from matplotlib.figure import Figure

    font = cjk_font()
    fig = Figure(figsize=(6.4, height), dpi=150)
    if font:
        fig.set_layout_engine("tight")
    return fig, ({"fontfamily": font} if font else {})


def _png(fig: Any) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def bar_chart(title: str, counts: list[tuple[str, int]], *, horizontal: bool = True) -> bytes:
    """A bar chart of ``counts`` (label, n), the largest on top when horizontal."""
    fig, font = _figure(max(2.4, 0.32 * len(counts) + 1.2) if horizontal else 3.2)
    ax = fig.add_subplot()
    labels = [str(k) for k, _ in counts]
    values = [n for _, n in counts]
    if horizontal:
        ax.barh(range(len(values)), values, color="#3b6ea5")
        ax.set_yticks(range(len(values)), labels, **font)
        ax.invert_yaxis()
        for i, v in enumerate(values):
            ax.text(v, i, f" {v}", va="center", fontsize=8)
    else:
        ax.bar(range(len(values)), values, color="#3b6ea5")
        ax.set_xticks(range(len(values)), labels, rotation=45 if len(labels) > 8 else 0,
                      ha="right" if len(labels) > 8 else "center", fontsize=8, **font)
    ax.set_title(title, **font)
    ax.spines[["top", "right"]].set_visible(False)
    return _png(fig)


def pie_chart(title: str, counts: list[tuple[str, int]]) -> bytes:
    fig, font = _figure(3.2)
    ax = fig.add_subplot()
    ax.pie([n for _, n in counts], labels=[str(k) for k, _ in counts], autopct="%1.0f%%",
           textprops={"fontsize": 8, **font}, startangle=90, counterclock=False)
    ax.set_title(title, **font)
    ax.axis("equal")
    return _png(fig)
