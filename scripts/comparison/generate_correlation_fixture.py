#!/usr/bin/env python3
"""
Reference correlation matrix for PortoFino's comparison engine test
(src/engine/comparison/correlation-numpy.spec.ts), computed with numpy and pandas (pinned in
scripts/quantstats/requirements.txt) on the bundled sample prices (data/sample/prices.csv).

Four members, each as the simulator hands them over (its trading days, its daily returns with 0 on the
first day), built from the sample prices so that their calendars differ:
- AAPL held over 2019;
- MSFT over 2019 on a calendar that skips every fifth trading day (another market's holidays), its
  return on each kept day measured from the previous kept day;
- KO and PEP 50/50, rebalanced daily, over 2019;
- XOM from 2019-03-01 to 2019-10-31 (a shorter period).

The reference: each member's growth (1 + r).cumprod(), the dates all four have (an inner join), the
returns from one of those dates to the next (pct_change), then numpy.corrcoef. The TypeScript engine
gets there its own way (correlation-matrix.ts).

Python is only used to generate this fixture; it is never a runtime dependency.

Usage: ~/.cache/portofino/qs-venv/bin/python scripts/comparison/generate_correlation_fixture.py
"""

import json
import os

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRICES = os.path.join(ROOT, "data", "sample", "prices.csv")
OUTPUT = os.path.join(ROOT, "src", "engine", "__fixtures__", "comparison-correlation.json")


def member(name, returns):
    returns = returns.copy()
    returns.iloc[0] = 0.0
    return {"name": name, "dates": list(returns.index), "dailyReturn": [float(x) for x in returns.values]}


def main():
    prices = pd.read_csv(PRICES, index_col="Date")
    year = prices.loc["2019-01-01":"2019-12-31"]
    aapl = year["AAPL"].pct_change()
    msft_days = year["MSFT"].iloc[[i for i in range(len(year)) if i % 5 != 4]]
    msft = msft_days.pct_change()
    mix = 0.5 * year["KO"].pct_change() + 0.5 * year["PEP"].pct_change()
    xom = year["XOM"].loc["2019-03-01":"2019-10-31"].pct_change()
    members = [member("AAPL", aapl), member("MSFT, other calendar", msft), member("KO/PEP daily", mix),
               member("XOM, shorter", xom)]

    growth = [pd.Series(np.cumprod(1 + np.array(m["dailyReturn"])), index=m["dates"]) for m in members]
    joined = pd.concat(growth, axis=1, join="inner").sort_index()
    returns = joined.pct_change().iloc[1:]
    matrix = np.corrcoef(returns.values.T)

    fixture = {
        "generator": "scripts/comparison/generate_correlation_fixture.py",
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "members": members,
        "expected": {
            "commonDates": int(len(joined)),
            "observations": int(len(returns)),
            "matrix": [[float(x) for x in row] for row in matrix],
        },
    }
    with open(OUTPUT, "w") as out:
        json.dump(fixture, out, indent=1)
        out.write("\n")
    print(f"wrote {OUTPUT}: {len(joined)} common dates, {len(returns)} returns")
    print(np.array2string(matrix, precision=12))


if __name__ == "__main__":
    main()
