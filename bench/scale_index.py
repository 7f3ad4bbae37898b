"""A large index for query timings, made from a built one by copying its segments.

    python bench/scale_index.py DATA_FOLDER --times 10

A whoosh build of 1,000,000 records with abstracts takes about an hour on this machine's two
cores (the rate measured at 100,000 by bench/search_bench.py).  For timing queries at that size
this copies each segment of ``DATA_FOLDER``'s library index ``--times - 1`` more times under new
segment ids and lists the copies in the index's table of contents: the postings, stored fields
and term statistics are then those of ``times`` × the records (each record appearing ``times``
times).  The database is not touched, so the app must not sync this folder's index: open it with
the search benchmarks only, and throw it away afterwards.  There are ``times`` × as many segments
as a fresh build would make (which only makes searching slower).
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import sys
from pathlib import Path


def scale(folder: Path, times: int) -> int:
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    path = folder / "index" / "library"
    storage = FileStorage(str(path))
    toc = TOC.read(storage, "MAIN")
    originals = list(toc.segments)
    for _n in range(times - 1):
        for seg in originals:
            twin = copy.copy(seg)
            twin.segid = seg._random_id()
            _copy_segment(path, seg.segid, twin.segid)
            toc.segments.append(twin)
    toc.generation += 1
    toc.write(storage, "MAIN")
    return sum(s.doc_count_all() for s in toc.segments)


def _copy_segment(path: Path, old: str, new: str) -> None:
    """Copy a compound segment file under a new id, renaming the files listed inside it."""
    from whoosh.filedb.compound import CompoundStorage
    from whoosh.filedb.structfile import StructFile

    src, dst = path / f"MAIN_{old}.seg", path / f"MAIN_{new}.seg"
    store = CompoundStorage(StructFile(src.open("rb")), use_mmap=False)
    directory = {name.replace(old, new): info for name, info in store._dir.items()}
    options = store._options
    store.close()
    shutil.copyfile(src, dst)
    fh = StructFile(dst.open("r+b"))
    fh.seek(0, 2)
    CompoundStorage.write_dir(fh, 0, directory, options)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--times", type=int, default=10)
    args = ap.parse_args()
    docs = scale(args.folder, args.times)
    print(json.dumps({"figure": "scaled_index", "documents": docs, "times": args.times}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
