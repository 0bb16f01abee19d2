#!/usr/bin/env python3
"""
Reference numbers for PortoFino's rolling metrics and drawdown episodes (src/engine/analysis),
computed with QuantStats 0.0.86 and pandas (pinned in requirements.txt) on the bundled sample
prices (data/sample/prices.csv). A sibling of generate_fixtures.py, with the same environment.

Rolling metrics, one value per window of `w` daily returns ending on each day:
- volatility:   qs.stats.rolling_volatility(r, rolling_period=w, periods_per_year=252)
- sharpe:       qs.stats.rolling_sharpe(r, rf, rolling_period=w, periods_per_year=252)
- sortino:      qs.stats.rolling_sortino(r, rf, rolling_period=w, periods_per_year=252)
- beta:         qs.stats.rolling_greeks(r, b, periods=w)["beta"]
- correlation:  r.rolling(w).corr(b) (pandas; the correlation rolling_greeks is built on)
- return:       not in QuantStats: prod(1 + r) - 1 over the window, annualised as
                (prod(1 + r)) ** (252 / w) - 1 when w > 252 (QuantStats' CAGR convention)
- maxDrawdown:  not a rolling function in QuantStats: qs.stats.max_drawdown of the window's returns
                (the window's starting value counts as a peak)

A long series is summarised: every metric at ~100 sampled positions, plus for all positions the
count of defined values, the positions of undefined ones (NaN or +-inf: null in JSON) and the sum
of absolute defined values. Short series are written in full.

Drawdown episodes: qs.stats.drawdown_details, the ten deepest periods (stable sort by depth).

Usage: ~/.cache/portofino/qs-venv/bin/python scripts/quantstats/generate_rolling_fixtures.py
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import quantstats as qs

warnings.filterwarnings("ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRICES = os.path.join(ROOT, "data", "sample", "prices.csv")
OUTPUT = os.path.join(ROOT, "src", "engine", "__fixtures__", "quantstats-rolling.json")
PERIODS = 252
SAMPLES = 40
METRICS = ("return", "volatility", "sharpe", "sortino", "maxDrawdown", "beta", "correlation")

SERIES = [
    {"name": "AAPL vs S&P 500, 1990-2022", "ticker": "AAPL", "benchmark": "^GSPC",
     "start": "1990-01-01", "end": "2022-12-31", "rf": 0.0, "windows": [126, 252, 756], "full": False},
    {"name": "RRC vs S&P 500 with rf 4%, 1990-1996 (stale prices: flat windows)", "ticker": "RRC",
     "benchmark": "^GSPC", "start": "1990-01-01", "end": "1996-12-31", "rf": 0.04,
     "windows": [21, 63, 126, 252, 756], "full": False},
    {"name": "KO vs S&P 500 with rf 1%, 2020 to October (shorter than a year)", "ticker": "KO",
     "benchmark": "^GSPC", "start": "2020-01-01", "end": "2020-10-31", "rf": 0.01,
     "windows": [21, 126, 252, 756], "full": True},
    {"name": "S&P 500 alone, 2007-2009", "ticker": "^GSPC", "benchmark": None,
     "start": "2007-01-01", "end": "2009-12-31", "rf": 0.0, "windows": [126, 252], "full": False},
]

EPISODE_SERIES = [
    {"name": "AAPL, 1990-2022", "ticker": "AAPL", "start": "1990-01-01", "end": "2022-12-31"},
    {"name": "S&P 500, 2007-2013", "ticker": "^GSPC", "start": "2007-01-01", "end": "2013-12-31"},
    {"name": "BAC 2008 crash, not recovered by the end", "ticker": "BAC", "start": "2008-09-01", "end": "2009-03-06"},
]


def clean(value):
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def rolling_return(r, w):
    growth = (1 + r).rolling(w).apply(np.prod, raw=True)
    return growth ** (PERIODS / w) - 1 if w > PERIODS else growth - 1


def rolling_max_drawdown_at(r, w, i):
    return qs.stats.max_drawdown(r.iloc[i - w + 1: i + 1])


def rolling_max_drawdown_all(r, w):
    """Brute force with numpy: worst E_u / max(E_s, s <= u) - 1 over each window, start included."""
    x = r.to_numpy()
    out = np.full(len(x), np.nan)
    for i in range(w - 1, len(x)):
        equity = np.concatenate(([1.0], np.cumprod(1 + x[i - w + 1: i + 1])))
        out[i] = (equity / np.maximum.accumulate(equity)).min() - 1
    return pd.Series(out, index=r.index)


def rolling_frame(r, b, rf, w):
    frame = {
        "return": rolling_return(r, w),
        "volatility": qs.stats.rolling_volatility(r, rolling_period=w, periods_per_year=PERIODS),
        "sharpe": qs.stats.rolling_sharpe(r, rf, rolling_period=w, periods_per_year=PERIODS),
        "sortino": qs.stats.rolling_sortino(r, rf, rolling_period=w, periods_per_year=PERIODS),
        "maxDrawdown": rolling_max_drawdown_all(r, w),
    }
    if b is not None:
        frame["beta"] = qs.stats.rolling_greeks(r, b, periods=w)["beta"]
        frame["correlation"] = r.rolling(w).corr(b)
    return pd.DataFrame(frame)


def summarise(frame, r, w, full):
    n = len(frame)
    first = w - 1
    entry = {"window": w, "count": max(0, n - first)}
    if entry["count"] == 0:
        entry["values"] = {}
        return entry
    if full:
        entry["values"] = {k: [clean(v) for v in frame[k].iloc[first:]] for k in frame.columns}
        return entry
    stride = max(1, (n - first) // SAMPLES)
    positions = sorted(set(list(range(first, n, stride)) + [n - 1]))
    samples = []
    for i in positions:
        sample = {"index": i}
        for k in frame.columns:
            sample[k] = clean(frame[k].iloc[i])
        # QuantStats' own max_drawdown on the window, in place of the numpy brute force.
        sample["maxDrawdown"] = clean(rolling_max_drawdown_at(r, w, i))
        samples.append(sample)
    checksums = {}
    for k in frame.columns:
        values = frame[k].iloc[first:].to_numpy()
        defined = np.isfinite(values)
        checksums[k] = {
            "defined": int(defined.sum()),
            "undefinedIndices": [int(first + j) for j in np.flatnonzero(~defined)][:50],
            "undefinedCount": int((~defined).sum()),
            "sumAbs": float(np.abs(values[defined]).sum()),
        }
    entry["samples"] = samples
    entry["checksums"] = checksums
    return entry


def episodes(r, dates):
    dd = qs.stats.to_drawdown_series(r)
    details = qs.stats.drawdown_details(dd)
    if len(details) == 0:
        return []
    worst = details.sort_values(by="max drawdown", ascending=True, kind="stable").head(10)
    out = []
    for _, row in worst.iterrows():
        out.append({
            "start": row["start"],
            "valley": row["valley"],
            "end": row["end"],
            "days": int(row["days"]),
            "depth": float(row["max drawdown"]) / 100,
        })
    return out


def main():
    prices = pd.read_csv(PRICES, index_col="Date", parse_dates=True)
    output = {
        "generator": "scripts/quantstats/generate_rolling_fixtures.py",
        "versions": {"quantstats": qs.__version__, "pandas": pd.__version__, "numpy": np.__version__,
                     "python": sys.version.split()[0]},
        "series": [],
        "episodes": [],
    }
    for series in SERIES:
        frame = prices.loc[series["start"]:series["end"]]
        r = frame[series["ticker"]].pct_change().iloc[1:]
        b = frame[series["benchmark"]].pct_change().iloc[1:] if series["benchmark"] else None
        entry = {k: series[k] for k in ("name", "ticker", "benchmark", "start", "end", "rf")}
        entry["returns"] = len(r)
        entry["windows"] = [summarise(rolling_frame(r, b, series["rf"], w), r, w, series["full"])
                            for w in series["windows"]]
        output["series"].append(entry)
    for series in EPISODE_SERIES:
        frame = prices.loc[series["start"]:series["end"]]
        r = frame[series["ticker"]].pct_change().iloc[1:]
        output["episodes"].append({**series, "episodes": episodes(r, frame.index)})

    with open(OUTPUT, "w") as f:
        json.dump(output, f, separators=(",", ":"))
        f.write("\n")
    size = os.path.getsize(OUTPUT)
    print(f"wrote {len(output['series'])} rolling series and {len(output['episodes'])} episode series "
          f"to {OUTPUT} ({size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
