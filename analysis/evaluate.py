"""`python -m analysis.evaluate GOLD.jsonl ARTICLES_DIR`: score extraction against gold labels.

Per article, on the set of (value, measure) pairs: precision and recall, at value level and
at value+measure level (gold rows marked optional count neither way). Over the matched
pairs: how often claimant group, qualifier with bounds, and claim date agree. Where an
article mentions a matched figure more than once, the mention compared is the first one
outside the headline with a named claimant (else the first), chosen without the gold.
Per confidence level, the precision of the mentions: a mention is right when its value
and measure are in the gold and its claimant group agrees with a gold row of that pair;
with -v, the same per doubt named in the reasons, to see which doubts predict errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from analysis.extract.articles import ArticleError, read_article
from analysis.extract import extract_article
from analysis.extract.confidence import LEVELS as CONFIDENCE_LEVELS


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Agreement:
    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hits += ok
        self.total += 1

    def merge(self, other: "Agreement") -> None:
        self.hits += other.hits
        self.total += other.total

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 1.0


@dataclass
class ArticleResult:
    article: str
    value: Score = field(default_factory=Score)
    pair: Score = field(default_factory=Score)
    group: Agreement = field(default_factory=Agreement)
    qualifier: Agreement = field(default_factory=Agreement)
    date: Agreement = field(default_factory=Agreement)
    undated: Agreement = field(default_factory=Agreement)  # gold has no date: neither do we
    by_confidence: dict = field(default_factory=lambda: defaultdict(Agreement))  # mention precision
    by_doubt: dict = field(default_factory=lambda: defaultdict(Agreement))  # the same per reason
    missing: list = field(default_factory=list)
    extra: list = field(default_factory=list)
    wrong: list = field(default_factory=list)


def _num(x):
    return None if x is None else float(x)


def _doubts(row: dict) -> list[str]:
    """The doubts a mention's confidence reason names ("none" for a high one)."""
    return (row.get("confidence_reason") or "").split("; ") if row.get("confidence_reason") else ["none"]


def _set_score(predicted: set, gold: set, optional: set) -> Score:
    predicted, gold = predicted - optional, gold - optional
    return Score(len(predicted & gold), len(predicted - gold), len(gold - predicted))


def score_article(name: str, gold: list[dict], predicted: list[dict]) -> ArticleResult:
    """Compare one article's predicted mentions with its gold rows."""
    result = ArticleResult(name)
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    pairs = {(_num(g["value"]), g["measure"]) for g in required}
    opt_pairs = {(_num(g["value"]), g["measure"]) for g in optional} - pairs
    by_pair: dict[tuple, list[dict]] = defaultdict(list)
    for row in predicted:
        by_pair[(_num(row["value"]), row["measure"])].append(row)
    result.pair = _set_score(set(by_pair), pairs, opt_pairs)
    result.value = _set_score({v for v, _ in by_pair}, {v for v, _ in pairs},
                              {v for v, _ in opt_pairs} - {v for v, _ in pairs})
    result.missing = sorted(pairs - set(by_pair), key=str)
    result.extra = sorted(set(by_pair) - pairs - opt_pairs, key=str)
    gold_groups: dict[tuple, set] = defaultdict(set)
    for g in gold:
        groups = g["claimant_group"] if isinstance(g["claimant_group"], list) else [g["claimant_group"]]
        gold_groups[(_num(g["value"]), g["measure"])].update(groups)
    for row in predicted:
        key = (_num(row["value"]), row["measure"])
        if key in opt_pairs:
            continue  # an optional figure counts neither way
        right = key in pairs and row["claimant_group"] in gold_groups[key]
        result.by_confidence[row.get("confidence", "high")].add(right)
        for doubt in _doubts(row):
            result.by_doubt[doubt].add(right)
    for g in required:
        key = (_num(g["value"]), g["measure"])
        if key not in by_pair:
            continue
        mentions = by_pair[key]
        # the body states a figure more fully than its headline
        row = min(mentions, key=lambda r: (r.get("headline", False), r["claimant"] is None))
        groups = g["claimant_group"] if isinstance(g["claimant_group"], list) else [g["claimant_group"]]
        ok_group = row["claimant_group"] in groups
        ok_qual = (row["qualifier"] == g["qualifier"] and _num(row["low"]) == _num(g["low"])
                   and _num(row["high"]) == _num(g["high"]))
        result.group.add(ok_group)
        result.qualifier.add(ok_qual)
        ok_date = row["claim_date"] == g["claim_date"] if g.get("claim_date") else True
        if g.get("claim_date"):
            result.date.add(ok_date)
        else:
            result.undated.add(row["claim_date"] is None)
        if not ok_date:
            result.wrong.append((key, {"claim_date": (row["claim_date"], g["claim_date"])}))
        if not (ok_group and ok_qual):
            result.wrong.append((key, {"group": (row["claimant_group"], groups),
                                       "qualifier": ((row["qualifier"], row["low"], row["high"]),
                                                     (g["qualifier"], g["low"], g["high"]))}))
    return result


@dataclass
class Report:
    articles: list[ArticleResult]
    errors: list[str]

    def total(self) -> ArticleResult:
        total = ArticleResult("overall")
        for r in self.articles:
            total.value.add(r.value)
            total.pair.add(r.pair)
            total.group.merge(r.group)
            total.qualifier.merge(r.qualifier)
            total.date.merge(r.date)
            total.undated.merge(r.undated)
            for level, agreement in r.by_confidence.items():
                total.by_confidence[level].merge(agreement)
            for doubt, agreement in r.by_doubt.items():
                total.by_doubt[doubt].merge(agreement)
        return total

    def metrics(self) -> dict[str, float]:
        t = self.total()
        return {"value_precision": t.value.precision, "value_recall": t.value.recall,
                "precision": t.pair.precision, "recall": t.pair.recall,
                "claimant_group": t.group.share, "qualifier_bounds": t.qualifier.share,
                "claim_date": t.date.share, "matched": t.group.total,
                "dated": t.date.total, "undated_kept_null": t.undated.share,
                **{f"precision_{level}": t.by_confidence[level].share for level in CONFIDENCE_LEVELS},
                **{f"mentions_{level}": t.by_confidence[level].total for level in CONFIDENCE_LEVELS}}


def load_gold(path: Path) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold[row["article"]].append(row)
    return gold


def evaluate(gold_path: Path, articles_dir: Path) -> Report:
    """Run the extractor over every article the gold names (and any others in the folder)."""
    gold = load_gold(gold_path)
    names = sorted(set(gold) | {p.name for p in articles_dir.iterdir() if p.is_file()
                                and p.suffix in (".txt", ".md")})
    results, errors = [], []
    for name in names:
        try:
            predicted = extract_article(read_article(articles_dir / name))
        except ArticleError as exc:
            errors.append(str(exc))
            predicted = []
        results.append(score_article(name, gold.get(name, []), predicted))
    return Report(results, errors)


def _fmt(r: ArticleResult) -> str:
    return (f"{r.article[:44]:44} {r.value.precision:6.2f} {r.value.recall:6.2f} "
            f"{r.pair.precision:6.2f} {r.pair.recall:6.2f} "
            f"{r.group.hits:>3}/{r.group.total:<3} {r.qualifier.hits:>3}/{r.qualifier.total:<3} "
            f"{r.date.hits:>3}/{r.date.total:<3}")


def render(report: Report, verbose: bool = False) -> str:
    head = (f"{'article':44} {'val P':>6} {'val R':>6} {'vm P':>6} {'vm R':>6} "
            f"{'group':>7} {'qual':>7} {'date':>7}")
    lines = [head, "-" * len(head)]
    for r in report.articles:
        lines.append(_fmt(r))
        if verbose:
            lines += [f"    missing {m}" for m in r.missing]
            lines += [f"    extra   {e}" for e in r.extra]
            lines += [f"    wrong   {w}" for w in r.wrong]
    t = report.total()
    lines += ["-" * len(head), _fmt(t)]
    m = report.metrics()
    lines.append(
        f"\nvalue P {m['value_precision']:.3f} R {m['value_recall']:.3f} | value+measure "
        f"P {m['precision']:.3f} R {m['recall']:.3f} | claimant_group {m['claimant_group']:.3f} "
        f"| qualifier+bounds {m['qualifier_bounds']:.3f} | claim_date {m['claim_date']:.3f} "
        f"(over {m['dated']} dated of {m['matched']} matched; "
        f"{m['undated_kept_null']:.3f} of the undated left undated)")
    lines.append("mention precision by confidence: " + " | ".join(
        f"{level} {m[f'precision_{level}']:.3f} ({m[f'mentions_{level}']} mentions)"
        for level in CONFIDENCE_LEVELS))
    if verbose:
        lines += [f"    {a.share:.3f} ({a.total:>3}) {doubt}" for doubt, a in
                  sorted(t.by_doubt.items(), key=lambda item: (item[1].share, item[0]))]
    lines += [f"error: {e}" for e in report.errors]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate", description=__doc__)
    parser.add_argument("gold", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list missing, extra and disagreeing figures")
    parser.add_argument("--json", action="store_true", help="print the overall metrics as JSON")
    args = parser.parse_args(argv)
    report = evaluate(args.gold, args.articles)
    print(json.dumps(report.metrics()) if args.json else render(report, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
