"""The same story twice: agency copy syndicated by several outlets, a page read from a feed and from disk.

`merge_duplicates` keeps one article per story and credits it to every outlet that carried it.
Two articles are the same story when they share a canonical URL, or when their texts are near-identical:
Jaccard similarity of word 4-gram shingles >= 0.8, or one text (at least half as long as the other)
contained in the other at >= 0.85 (an outlet that trimmed the agency's last paragraphs).
Candidates come from MinHash with banded LSH, so the cost grows with the number of articles, not with
the number of pairs; every candidate pair is then checked exactly.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from itertools import chain, count
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from briefing.models import Article

JACCARD = 0.8
CONTAINMENT = 0.85
MIN_LENGTH_RATIO = 0.5  # containment only between texts of comparable length
SHINGLE = 4
MIN_SHINGLES = 8  # texts shorter than this (about a dozen words) merge only when their titles match too
BANDS, ROWS = 20, 3  # 60 MinHash values; a pair at Jaccard 0.45 becomes a candidate with probability ~0.85
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|ocid|cmpid|smid|at_\w+|ref|rss|feed)$", re.I)
_MASK64 = (1 << 64) - 1
# Tokens are cut from the UTF-8 bytes: ASCII characters that are not \w become spaces, then bytes.split()
_NOT_WORD_ASCII = bytes(b for b in range(128) if not (chr(b).isalnum() or chr(b) == "_"))
_SPLIT_TABLE = bytes.maketrans(_NOT_WORD_ASCII, b" " * len(_NOT_WORD_ASCII))
_NON_ASCII = re.compile(rb"[\x80-\xff]+")


def _not_word_class() -> re.Pattern[str]:
    """The non-ASCII characters news text is full of that are not \\w (no-break space, curly quotes,
    dashes, currency signs...): they become spaces before the split, which changes no word."""
    blocks = (range(0x80, 0x100), range(0x2000, 0x2070), range(0x20A0, 0x20D0), range(0x3000, 0x3040))
    chars = [chr(c) for block in blocks for c in block if not (chr(c).isalnum() or chr(c) == "_")]
    return re.compile("[" + re.escape("".join(chars)) + "]")


_NOT_WORD_PUNCTUATION = _not_word_class()
_CHUNK_TOKENS = 1 << 20  # tokens hashed per batch: numpy work in large arrays, memory bounded


def merge_duplicates(articles: list[Article]) -> list[Article]:
    """One article per story, in the order stories first appear; `outlets` lists every carrier.

    The kept article is the fullest copy (longest text); metadata it lacks (URL, date, author) is taken
    from the other copies.
    """
    if len(articles) < 2:
        return list(articles)
    groups = _UnionFind(len(articles))
    by_url: dict[str, int] = {}
    for i, article in enumerate(articles):
        for address in {canonical_url(a) for a in (article.url, _url_origin(article.origin)) if a}:
            if address in by_url:
                groups.union(by_url[address], i)
            else:
                by_url[address] = i
    shingle_sets = _shingle_sets([a.text for a in articles])
    for i, j in _candidate_pairs(shingle_sets):
        if groups.find(i) == groups.find(j) or not same_text(shingle_sets[i], shingle_sets[j]):
            continue
        # a few words alike ("Read more…") are not a story alike: short texts must share their title too
        if min(len(shingle_sets[i]), len(shingle_sets[j])) < MIN_SHINGLES and _key(articles[i].title) != _key(
                articles[j].title):
            continue
        groups.union(i, j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        members[groups.find(i)].append(i)
    merged = []
    for indices in sorted(members.values(), key=lambda m: m[0]):
        merged.append(_merge([articles[i] for i in indices]))
    return merged


def shingles(text: str, size: int = SHINGLE, vocabulary: dict[bytes, int] | None = None) -> np.ndarray:
    """Hashed word n-grams of a text (lower-cased \\w+ tokens), sorted and unique, as uint64.

    Words become integer ids through `vocabulary` (share one across the texts being compared) and the
    n-grams are combined in numpy: per-n-gram Python work would dominate for thousands of articles.
    """
    tokens = _words(text)
    if not tokens:
        return np.empty(0, dtype=np.uint64)
    if vocabulary is None:
        vocabulary = defaultdict(count(1).__next__)
    ids = np.fromiter(map(vocabulary.__getitem__, tokens), dtype=np.uint64, count=len(tokens))
    return _sorted_unique(_grams(_mix(ids), size))


def _words(text: str) -> list[bytes]:
    """The tokens _WORD.findall(text.lower()) gives, UTF-8 encoded (a word's id does not care).

    Splitting the bytes at ASCII non-word characters is several times faster than the regex, which is
    left only the few pieces with non-ASCII characters (accents, curly quotes: "don\u2019t" is two words).
    """
    low = text.lower()
    if not low.isascii():
        low = _NOT_WORD_PUNCTUATION.sub(" ", low)
    data = low.encode("utf-8", "surrogatepass").translate(_SPLIT_TABLE)
    if data.isascii():
        return data.split()
    if len(data) - len(low) > len(low) // 16:  # another script (Cyrillic, Arabic...): the regex on it all
        return [word.encode("utf-8", "surrogatepass") for word in _WORD.findall(low)]
    out: list[bytes] = []
    pos = 0
    for m in _NON_ASCII.finditer(data):
        if m.start() < pos:  # in a piece already done
            continue
        start = data.rfind(b" ", pos, m.start()) + 1 or pos
        end = data.find(b" ", m.end())
        end = len(data) if end < 0 else end
        out.extend(data[pos:start].split())
        piece = data[start:end].decode("utf-8", "surrogatepass")
        out.extend(word.encode("utf-8", "surrogatepass") for word in _WORD.findall(piece))
        pos = end
    out.extend(data[pos:].split())
    return out


def _grams(hashed: np.ndarray, size: int) -> np.ndarray:
    """Hashes of the word n-grams (a text shorter than `size` words is one n-gram), in text order."""
    n = min(size, len(hashed))
    grams = np.zeros(len(hashed) - n + 1, dtype=np.uint64)
    for k in range(n):
        grams = _mix(grams ^ hashed[k : len(hashed) - n + 1 + k])
    return grams


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """np.unique(values), several times faster on small arrays."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


PARALLEL_MIN_CHARS = 3_000_000  # from this much text on, a second process cuts the words of half of it


def _shingle_sets(texts: list[str], size: int = SHINGLE) -> list[np.ndarray]:
    """[shingles(t, size, shared vocabulary) for t in texts], hashed in batches of texts, not one by one.

    Cutting words is most of the work: with much text, a forked process cuts those of the second half
    with a vocabulary of its own, whose ids are then renumbered into this one's in its order of first
    appearance: the very ids one vocabulary going through all texts in order would have given.
    """
    vocabulary: dict[bytes, int] = defaultdict(count(1).__next__)
    if sum(map(len, texts)) < PARALLEL_MIN_CHARS:
        return _sets(_word_ids(texts, vocabulary), size)
    from briefing.parallel import in_two_processes

    first, (local_ids, lengths, words) = in_two_processes(
        lambda part: _sets(_word_ids(part, vocabulary), size), _local_word_ids, texts, share=0.35
    )
    renumber = np.fromiter(map(vocabulary.__getitem__, words), dtype=np.uint64, count=len(words))
    return first + _sets(_batches(renumber[local_ids], lengths), size)


def _word_ids(texts: list[str], vocabulary: dict[bytes, int]):
    """(word ids of a batch of texts one after the other, the number of words of each text) per batch."""
    start = 0
    while start < len(texts):
        words: list[list[bytes]] = []
        total = 0
        while start + len(words) < len(texts) and (not words or total < _CHUNK_TOKENS):
            words.append(_words(texts[start + len(words)]))
            total += len(words[-1])
        start += len(words)
        lengths = [len(w) for w in words]
        ids = np.fromiter(map(vocabulary.__getitem__, chain.from_iterable(words)), dtype=np.uint64, count=total)
        yield ids, lengths


def _local_word_ids(texts: list[str]) -> tuple[np.ndarray, list[int], list[bytes]]:
    """(word ids of all texts, words per text, the words in id order from 0) with a vocabulary of their own."""
    vocabulary: dict[bytes, int] = defaultdict(count(0).__next__)
    batches = list(_word_ids(texts, vocabulary))
    ids = np.concatenate([b[0] for b in batches]) if batches else np.empty(0, dtype=np.uint64)
    return ids.astype(np.uint32), [n for b in batches for n in b[1]], list(vocabulary)


def _batches(ids: np.ndarray, lengths: list[int]):
    """(ids, lengths) cut back into batches of about _CHUNK_TOKENS words."""
    start = first = total = 0
    for n, length in enumerate(lengths, 1):
        total += length
        if total - start >= _CHUNK_TOKENS or n == len(lengths):
            yield ids[start:total], lengths[first:n]
            start, first = total, n


def _sets(batches, size: int) -> list[np.ndarray]:
    """The sorted unique n-gram hashes of each text, from its word ids (see _word_ids)."""
    out: list[np.ndarray] = []
    for ids, lengths in batches:
        hashed = _mix(ids)
        total = len(hashed)
        # the n-grams of all texts of the batch at once; those that straddle two texts are left out below
        grams = _grams(hashed, size) if total >= size else hashed[:0]
        offset = 0
        for length in lengths:
            if length >= size:
                out.append(_sorted_unique(grams[offset : offset + length - size + 1]))
            elif length:
                out.append(_sorted_unique(_grams(hashed[offset : offset + length], size)))
            else:
                out.append(np.empty(0, dtype=np.uint64))
            offset += length
    return out


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads small integers over all 64 bits (uint64 arithmetic wraps)."""
    with np.errstate(over="ignore"):
        values = (values + np.uint64(0x9E3779B97F4A7C15))
        values = (values ^ (values >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        values = (values ^ (values >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return values ^ (values >> np.uint64(31))


def same_text(a: np.ndarray, b: np.ndarray) -> bool:
    if not len(a) or not len(b):
        return False
    both = np.concatenate((a, b))
    # each set holds a value once, so a value in both is a pair of equal neighbours once sorted; a stable
    # sort (timsort) merges two sorted sets (what shingles() gives) in one pass, twice as fast as intersect1d
    both.sort(kind="stable")
    return _similar(len(a), len(b), int(np.count_nonzero(both[1:] == both[:-1])))


def _similar(len_a: int, len_b: int, common: int) -> bool:
    """Jaccard >= JACCARD, or containment >= CONTAINMENT between sets of comparable size."""
    if common / (len_a + len_b - common) >= JACCARD:
        return True
    small, large = sorted((len_a, len_b))
    return small / large >= MIN_LENGTH_RATIO and common / small >= CONTAINMENT


def canonical_url(url: str) -> str:
    """A URL reduced to what names the story: no scheme, www., fragment, tracking parameters or final slash."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", query, ""))


def _url_origin(origin: str) -> str | None:
    return origin if re.match(r"https?://", origin or "", re.I) else None


# --- candidates --------------------------------------------------------------------------------------


def _candidate_pairs(sets: list[np.ndarray]) -> set[tuple[int, int]]:
    """Pairs of articles whose MinHash signatures agree on at least one band."""
    indices = np.array([i for i, values in enumerate(sets) if len(values)], dtype=np.int64)
    # (not shared with a second process: numpy's multiplications gain nothing from this machine's second core)
    signatures = _signatures([sets[i] for i in indices.tolist()])
    pairs: set[tuple[int, int]] = set()
    for members in _buckets(signatures, indices):
        if len(members) > 1:
            first = members[0]
            # chain each bucket through its first member: union-find makes the group transitive anyway,
            # and the exact check runs against that first member (a bucket of 1,000 copies costs 999 checks)
            pairs.update((first, other) for other in members[1:])
            if len(members) <= 50:  # small buckets: every pair, so a mismatched first member hides nothing
                pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1 :])
    return pairs


def _signatures(sets: list[np.ndarray]) -> np.ndarray:
    """The MinHash signature of each (non-empty) set: one row of BANDS * ROWS 32-bit values each."""
    rng = np.random.default_rng(20261122)  # fixed: the same input always merges the same way
    multipliers = rng.integers(1, 2**63, size=BANDS * ROWS, dtype=np.uint64) | np.uint64(1)
    offsets = rng.integers(0, 2**63, size=BANDS * ROWS, dtype=np.uint64)
    signatures = np.empty((len(sets), BANDS * ROWS), dtype=np.uint64)
    columns = offsets[:, None]
    for row, values in enumerate(sets):
        # multiply-shift hashing, one permutation per row; uint64 arithmetic wraps modulo 2**64 (in place:
        # this is most of the work)
        permuted = np.multiply.outer(multipliers, values)
        permuted += columns
        permuted.min(axis=1, out=signatures[row])
    signatures >>= np.uint64(32)  # the minimum of the high halves is the high half of the minimum
    return signatures


def _buckets(signatures: np.ndarray, indices: np.ndarray):
    """Per band, the groups (of 2 or more, article indices ascending) whose rows agree on that band."""
    for band in range(BANDS):
        block = signatures[:, band * ROWS : (band + 1) * ROWS]
        order = np.lexsort(block.T[::-1])  # stable: equal rows keep their (ascending) order
        rows = block[order]
        starts = np.flatnonzero(np.r_[True, (rows[1:] != rows[:-1]).any(axis=1)])
        sizes = np.diff(np.r_[starts, len(rows)])
        for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
            yield indices[order[start : start + size]].tolist()


# --- merging -----------------------------------------------------------------------------------------


def _merge(copies: list[Article]) -> Article:
    if len(copies) == 1:
        return copies[0]
    kept = max(copies, key=lambda a: len(a.text))
    outlets: list[str] = []
    for article in copies:
        for outlet in article.all_outlets:
            if outlet and outlet.lower() not in (o.lower() for o in outlets):
                outlets.append(outlet)
    first = lambda field: next((getattr(a, field) for a in [kept, *copies] if getattr(a, field)), None)  # noqa: E731
    return replace(
        kept,
        source=kept.source or (outlets[0] if outlets else ""),
        outlets=tuple(outlets),
        url=first("url"),
        published=min((a.published for a in copies if a.published), default=None),
        author=first("author"),
        event_date=first("event_date"),
        attribution=first("attribution"),
    )


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class _UnionFind:
    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
