"""Index life: incremental updates, status, automatic repair, one writer at a time, service items."""

from __future__ import annotations

import datetime as dt
import shutil
import threading

from library_samples import CNIPA_HEADERS, write_xlsx
from sqlalchemy import delete

from db.models.library import LibraryRecord
from desktop.library import service_items
from desktop.library.service import Library
from desktop.wiring import SearchDocument


def test_import_updates_the_index_incrementally(lib, patent_xlsx, tmp_path):
    lib.import_files([patent_xlsx])
    st = lib.status()
    assert st.consistent and st.documents == 3 and st.indexed_batch == st.last_batch
    more = write_xlsx(tmp_path / "more.xlsx", [CNIPA_HEADERS, ["一种煤层气抽采装置", "201910000001.2"]])
    rep = lib.import_files([more])
    assert rep.indexed
    assert lib.search("煤层气").total == 1
    assert lib.status().documents == 4
    assert lib.update_index().action == "none"


def test_missing_or_damaged_index_is_rebuilt_on_start(ctx, lib, patent_xlsx):
    lib.import_files([patent_xlsx])
    lib.close()
    shutil.rmtree(lib.index.path)
    fresh = Library(ctx)
    change = fresh.ensure_index()
    assert change.action == "rebuild" and fresh.search("快递柜").total == 1
    fresh.close()
    # damage: a segment file truncated
    for f in fresh.index.path.glob("*.seg"):
        f.write_bytes(b"garbage")
    third = Library(ctx)
    assert not third.status().consistent
    assert third.ensure_index().action == "rebuild"
    assert third.search("快递柜").total == 1
    third.close()


def test_index_inconsistent_with_database_is_repaired(ctx, lib, patent_xlsx):
    lib.import_files([patent_xlsx])
    with ctx.db.session() as s:
        s.execute(delete(LibraryRecord).where(LibraryRecord.title == "一种智能快递柜"))
    st = lib.status()
    assert not st.consistent and "database 2" in st.reason
    again = Library(ctx)
    change = again.ensure_index()
    assert (change.action, change.repaired) == ("rebuild", True)
    assert again.search("快递柜").total == 0 and again.status().consistent
    again.close()


def test_index_not_updated_after_a_crash_is_caught_up(ctx, lib, patent_xlsx):
    lib.ensure_index()
    lib.import_files([patent_xlsx], update_index=False)  # as if killed before indexing
    st = lib.status()
    assert not st.consistent and st.reason == "new imports not indexed yet"
    change = lib.ensure_index()
    assert (change.action, change.repaired) == ("update", False)
    assert lib.search("快递柜").total == 1


def test_leftover_side_folder_from_a_killed_rebuild_is_harmless(lib, patent_xlsx):
    lib.import_files([patent_xlsx])
    side = lib.index.root / "library.new"
    side.mkdir()
    (side / "junk").write_text("half written")
    assert lib.rebuild_index().action == "rebuild"
    assert not side.exists() and lib.search("快递柜").total == 1


def test_concurrent_writers_queue_instead_of_failing(lib, tmp_path):
    files = []
    for i in range(4):
        files.append(write_xlsx(tmp_path / f"w{i}.xlsx", [CNIPA_HEADERS] + [
            [f"并发写入测试装置{i}-{j}", None, None, f"CN2{i:02d}{j:06d}U"] for j in range(30)]))
    lib.import_files([files[0]])
    errors: list[BaseException] = []

    def work(path) -> None:  # type: ignore[no-untyped-def]
        try:
            lib.import_files([path])
            lib.update_index()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(f,)) for f in files[1:]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert lib.search("并发写入测试装置").total == 120 and lib.status().consistent


def test_service_items_from_the_catalogue_are_searchable(ctx, lib):
    items = [SearchDocument("S01", "专利申请前评估", "专利", "帮助企业评估专利申请的必要性。", True,
                            dt.datetime(2026, 1, 1)),
             SearchDocument("S02", "已停用服务", "专利", "专利评估旧服务", False,
                            dt.datetime(2026, 1, 1))]
    ctx.wiring.document_sources["test"] = lambda _ctx: list(items)
    lib.ensure_index()
    res = lib.search("专利 评估")
    assert [(h.type, h.title) for h in res.hits] == [("service_item", "专利申请前评估")]
    assert lib.status().service_items == 1
    view = lib.record(res.hits[0].id)
    assert view is not None and view.kind == "service_item" and "必要性" in (view.text or "")
    items[0] = SearchDocument("S01", "专利申请前评估（更新）", "专利", "新说明", True,
                              dt.datetime(2026, 2, 1))
    assert lib.update_index().action == "update"
    assert lib.search("更新").hits[0].title == "专利申请前评估（更新）"


def test_without_registered_sources_the_index_has_no_service_items(lib):
    assert service_items.service_docs(lib.index.documents()) == []
    lib.ensure_index()
    assert lib.status().service_items == 0


def test_user_dictionary_extends_segmentation(ctx, tmp_path):
    from desktop.library.search import analysis

    (ctx.paths.user_dir / "dictionary").mkdir(parents=True, exist_ok=True)
    (ctx.paths.user_dir / "dictionary" / "mine.txt").write_text("晋城光机电\n", encoding="utf-8")
    try:
        analysis.configure_dictionary(ctx.paths.user_dir)
        assert "晋城光机电" in analysis.query_words("晋城光机电产业")
    finally:
        analysis.configure_dictionary(None)
    assert "晋城光机电" not in analysis.query_words("晋城光机电产业")


def test_whoosh_field_length_speedup_returns_whoosh_values(tmp_path):
    from whoosh import fields, index

    from desktop.library.search import whoosh_speedups

    ix = index.create_in(str(tmp_path), fields.Schema(t=fields.TEXT(), k=fields.ID()))
    with ix.writer() as w:
        for i in range(50):
            w.add_document(t=" ".join(["word"] * (i % 9) + ["x"]), k=str(i))
    with ix.reader() as r:
        per_doc = r._perdoc
        for name in ("t", "k"):
            patched = [per_doc.doc_field_length(d, name) for d in range(50)]
            original = [whoosh_speedups.ORIGINAL(per_doc, d, name) for d in range(50)]
            assert patched == original
        assert "_ipdesk_lengths" in per_doc.__dict__


def test_the_real_catalogue_is_searchable_beside_patents(with_catalogue, lib, patent_xlsx):
    lib.import_files([patent_xlsx])
    lib.ensure_index()
    st = lib.status()
    assert st.service_items > 10 and st.consistent
    res = lib.search("专利 开放许可")
    assert "service_item" in {h.type for h in res.hits}
    assert lib.search("锂离子电池").hits[0].type == "patent"


def test_multiprocess_rebuild_only_from_a_single_threaded_process():
    import threading

    from desktop.library.search.index import default_procs

    assert default_procs(100) == 1
    if threading.active_count() == 1:
        assert default_procs(100_000) == 2
    release = threading.Event()
    worker = threading.Thread(target=release.wait)
    worker.start()
    try:
        assert default_procs(100_000) == 1  # e.g. the GUI, with Qt's worker threads
    finally:
        release.set()
        worker.join()
