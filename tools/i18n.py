"""Keep the English translation in step with the Chinese source texts.

    python tools/i18n.py update   # run lupdate for every group, then lrelease
    python tools/i18n.py check    # list texts still missing an English translation

Each group is one ``resources/translations/en/<group>.ts`` (edited with Qt Linguist, or by
hand) compiled to a ``.qm`` that the app loads when the language is English.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations" / "en"
UI = ROOT / "desktop" / "ui"

# group -> source files (globs relative to desktop/ui); a file not listed falls in "shell"
GROUPS: dict[str, list[str]] = {
    "clients": ["pages/clients/**/*.py"],
    "catalogue": ["pages/catalogue/**/*.py"],
    "search": ["pages/search/**/*.py"],
    "forms": ["pages/forms/**/*.py"],
    "home": ["pages/home/**/*.py"],
    "visit": ["pages/visit/**/*.py"],
    "visits": ["pages/visits/**/*.py"],
    "stats": ["pages/stats/**/*.py"],
}
log = logging.getLogger("i18n")


def group_files() -> dict[str, list[Path]]:
    claimed: set[Path] = set()
    out: dict[str, list[Path]] = {}
    for group, patterns in GROUPS.items():
        files = sorted({p for pat in patterns for p in UI.glob(pat)})
        out[group] = files
        claimed.update(files)
    out["shell"] = sorted(p for p in UI.rglob("*.py") if p not in claimed)
    return out


def tool(name: str) -> str:
    exe = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    return exe


def translation_memory() -> dict[str, ET.Element]:
    """Every finished translation in the .ts files, by source text (any context)."""
    memory: dict[str, ET.Element] = {}
    for ts in sorted(TS_DIR.glob("*.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            tr = message.find("translation")
            source = message.findtext("source") or ""
            if tr is not None and tr.get("type") is None and (
                    (tr.text or "").strip() or tr.findall("numerusform")):
                memory.setdefault(source, tr)
    return memory


def fill_from_memory(ts: Path, memory: dict[str, ET.Element]) -> int:
    """Give unfinished messages the translation their text already has elsewhere (code moved
    to another class changes a text's context, not its meaning); returns how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        known = memory.get(message.findtext("source") or "")
        if tr is None or tr.get("type") != "unfinished" or known is None:
            continue
        message.remove(tr)
        copy = ET.fromstring(ET.tostring(known))
        copy.tail = tr.tail
        message.append(copy)
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def update() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    memory = translation_memory()
    for group, files in group_files().items():
        if not files:
            continue
        ts = TS_DIR / f"{group}.ts"
        subprocess.run([tool("lupdate"), "-no-obsolete", "-source-language", "zh_CN",
                        "-target-language", "en", *map(str, files), "-ts", str(ts)],
                       check=True, capture_output=True)
        if fill_from_memory(ts, memory):
            log.info("%s: translations carried over from moved code", ts.name)
        subprocess.run([tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True, capture_output=True)
        log.info("updated %s", ts.relative_to(ROOT))


def unfinished(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        tr = message.find("translation")
        source = message.findtext("source") or ""
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or \
                not (tr.text or "").strip() and not tr.findall("numerusform"):
            if tr is None or tr.get("type") not in ("vanished", "obsolete"):
                missing.append(source)
    return missing


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["check"]:
        bad = {ts.name: unfinished(ts) for ts in sorted(TS_DIR.glob("*.ts"))}
        for name, texts in bad.items():
            for text in texts:
                log.info("%s: %s", name, text)
        return 1 if any(bad.values()) else 0
    log.info(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
