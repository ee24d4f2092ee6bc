"""Reading article files: checks on the bytes, YAML front matter, metadata from the text."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MAX_BYTES = 10 * 1024 * 1024
META_FIELDS = ("title", "publisher", "author", "url", "published", "language")
ARTICLE_SUFFIXES = (".txt", ".md")


class ArticleError(ValueError):
    """An article that cannot be read; the message names the file and the reason."""


@dataclass
class Article:
    name: str
    text: str
    body_start: int = 0
    meta: dict = field(default_factory=dict)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    @property
    def published(self) -> dt.date | None:
        return self.meta.get("published")


def check_size(name: str, size: int) -> None:
    """Refuse, by name, a file over the size limit for one article (MAX_BYTES)."""
    if size > MAX_BYTES:
        raise ArticleError(f"{name}: the file is {size / 2**20:.1f} MB, over the "
                           f"{MAX_BYTES // 2**20} MB limit for one article")


def decode(data: bytes, name: str, fallbacks: tuple[str, ...] = ()) -> str:
    """Bytes → text, refusing empty, binary, oversize and undecodable input by name."""
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    check_size(name, len(data))
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: the file is binary, not text")
    for encoding in ("utf-8", *fallbacks):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding == "utf-8":
                first_error = exc
            continue
        if _looks_binary(text):
            raise ArticleError(f"{name}: the file is binary, not text")
        return text
    raise ArticleError(
        f"{name}: the file is not UTF-8 text (byte {first_error.start} cannot be read); "
        "save it as UTF-8 and try again")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # below a space, but for \t \n \f \r


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = len(_CONTROL.findall(sample))  # one pass in C, not a Python loop over 4,096 characters
    return controls > max(8, len(sample) // 50)


def read_article(path: str | Path) -> Article:
    """Read an article file; raises ArticleError naming the file when it cannot."""
    path = Path(path)
    try:
        check_size(path.name, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    return parse_article(path.name, decode(data, path.name))


# libyaml's safe loader where PyYAML was built with it: the pure-Python one took about a
# tenth of the time of reading and extracting an article
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def parse_article(name: str, text: str) -> Article:
    """Split front matter from the body and fill metadata, front matter first."""
    meta: dict = {}
    body_start = 0
    match = _FRONT.match(text)
    if match:
        try:
            loaded = yaml.load(match.group(1), Loader=_YAML_LOADER) or {}
        except yaml.YAMLError:
            loaded = None
        if isinstance(loaded, dict):
            meta = {k: loaded.get(k) for k in META_FIELDS if loaded.get(k) not in (None, "")}
            body_start = match.end()
    article = Article(name=name, text=text, body_start=body_start, meta=meta)
    _fill_from_text(article)
    return article


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return date_in_text(value)
    return None


_ISO = re.compile(r"\b(20\d\d|19\d\d)-(\d\d)-(\d\d)\b")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](20\d\d)\b")
_MDY_WORDS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.? (\d{1,2}),? (20\d\d)\b")
_DMY_WORDS = re.compile(
    r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?,? (20\d\d)\b")


def date_in_text(text: str) -> dt.date | None:
    """The first full calendar date written in `text`.

    >>> date_in_text(" date 2024-10-21 A new ally")
    datetime.date(2024, 10, 21)
    >>> date_in_text("Báo Thanh niên24/12/2024")
    datetime.date(2024, 12, 24)
    >>> date_in_text("Published Nov. 13, 2024") == dt.date(2024, 11, 13)
    True
    """
    from analysis.extract.vocab import MONTHS

    found: list[tuple[int, dt.date]] = []
    for pattern, order in ((_ISO, "ymd"), (_DMY, "dmy"), (_MDY_WORDS, "mdy"), (_DMY_WORDS, "dmy")):
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups()))
            month = parts["m"]
            month = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
            try:
                found.append((m.start(), dt.date(int(parts["y"]), month, int(parts["d"]))))
            except (TypeError, ValueError):
                continue
            break
    return min(found)[1] if found else None


_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_SOURCE_URL = re.compile(r"^\s*(?:Source|Originally published at|Read more at)\s*:?\s*(https?://\S+)",
                         re.I | re.M)
_CAPTION = re.compile(r"""
    \b(?:is|are|were|was)\s+seen\b|\bpictured\b|\bphoto(?:graph)?\b|\bfile\s+image\b
  | \((?:[^()]*\b(?:Images?|Photo|Photos|Pool|File|AFP|AP|EPA|Reuters|Yonhap|Getty)\b[^()]*)\)\s*$
""", re.I | re.X)
_BYLINE = re.compile(r"^\s*[Bb]y\s+([^\n,.;:]{2,60}?)\s*$", re.M)


def _fill_from_text(article: Article) -> None:
    meta, body = article.meta, article.body
    meta["published"] = _as_date(meta.get("published"))
    head = body[:600]
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    if meta["published"] is None:
        # a photo caption's date is the day of the picture, not of the article
        meta["published"] = date_in_text("\n".join(line for line in head.splitlines()
                                                   if not _CAPTION.search(line)))
    if not meta.get("url"):
        m = _SOURCE_URL.search(body)
        if m:
            meta["url"] = m.group(1).rstrip(".,")
    if not meta.get("author"):
        m = _BYLINE.search(body)
        if m and len(m.group(1).split()) <= 5:
            meta["author"] = m.group(1).strip()
    if not meta.get("title") and lines:
        title = _ISO.sub("", lines[0])
        title = re.sub(r"^\s*date\s+", "", title, flags=re.I).strip()
        meta["title"] = title[:200]
    for key in ("title", "publisher", "author", "url", "language"):
        value = meta.get(key)
        meta[key] = str(value).strip() if value not in (None, "") else None


def normalised_hash(text: str) -> str:
    """A hash of the body with whitespace collapsed, to spot the same article twice."""
    article = parse_article("", text) if text.startswith(("---", "\ufeff---")) else None
    body = article.body if article else text
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def iter_article_paths(paths: list[str | Path]) -> list[Path]:
    """Files named, plus the article files found in folders named, sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*")
                              if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            out.append(p)
    return out
