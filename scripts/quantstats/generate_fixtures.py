#!/usr/bin/env python3
"""
Reference numbers for PortoFino's engine tests, computed with QuantStats 0.0.86 (pinned in
requirements.txt) on the bundled sample prices (data/sample/prices.csv).

Two kinds of cases:
- "portfolios": each portfolio is simulated here, in numpy, from the rules written in
  docs/metrics.md (share-based, signed; rebalancing; band; fees from cash; contributions; time-
  weighted returns). QuantStats then computes the metrics of that return series. The jest test
  runs the TypeScript simulator on the same command and compares NAV checkpoints and every metric.
- "returnSeries": metrics of a single ticker's price returns (optionally against a benchmark),
  which exercise the TypeScript metrics with no simulator involved.

Python is only used to generate this fixture; it is never a runtime dependency.

Usage: ~/.cache/portofino/qs-venv/bin/python scripts/quantstats/generate_fixtures.py
"""

import json
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
import quantstats as qs
import scipy
from scipy.optimize import brentq

warnings.filterwarnings("ignore")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PRICES = os.path.join(ROOT, "data", "sample", "prices.csv")
OUTPUT = os.path.join(ROOT, "src", "engine", "__fixtures__", "quantstats-reference.json")
PERIODS = 252

ALL_TICKERS = "AAPL AMD BAC BBY CVX GE HD JNJ JPM KO LLY MRK MSFT PEP PFE PG RRC UNH WMT XOM".split()

# Each portfolio: positions (ticker, side, weight %), dates, options as the command language spells them.
PORTFOLIOS = [
    {"name": "seed long-only buy and hold", "positions": [("AAPL", "L", 50), ("MSFT", "L", 50)],
     "start": "2020-01-01", "end": "2023-01-01", "options": {}},
    {"name": "seed long/short buy and hold", "positions": [("AAPL", "L", 50), ("MSFT", "S", 50)],
     "start": "2015-01-01", "end": "2020-12-31", "options": {}},
    {"name": "five stocks and cash, buy and hold, 1990-2022",
     "positions": [("JNJ", "L", 20), ("KO", "L", 20), ("PG", "L", 20), ("XOM", "L", 15), ("WMT", "L", 15), ("CASH", "L", 10)],
     "start": "1990-01-01", "end": "2022-12-31", "options": {}},
    {"name": "20 stocks equal weight, monthly rebalancing, 1990-2022",
     "positions": [(t, "L", 5) for t in ALL_TICKERS],
     "start": "1990-01-01", "end": "2022-12-31", "options": {"rebalance": "monthly"}},
    {"name": "quarterly rebalancing with a 0.1% fee",
     "positions": [("HD", "L", 30), ("LLY", "L", 30), ("JPM", "L", 40)],
     "start": "2000-03-15", "end": "2012-06-30", "options": {"rebalance": "quarterly", "fee": "0.1%"}},
    {"name": "weekly rebalancing long/short",
     "positions": [("PEP", "L", 60), ("KO", "S", 20), ("CVX", "L", 20)],
     "start": "2005-01-01", "end": "2015-12-31", "options": {"rebalance": "weekly"}},
    {"name": "yearly rebalancing against the S&P 500 with rf 2%",
     "positions": [("MSFT", "L", 40), ("UNH", "L", 30), ("PFE", "L", 30)],
     "start": "1995-01-01", "end": "2021-12-31",
     "options": {"rebalance": "yearly", "rf": "2%", "benchmark": "^GSPC"}},
    {"name": "5% band rebalancing with fees",
     "positions": [("AAPL", "L", 25), ("AMD", "L", 25), ("BBY", "L", 25), ("GE", "L", 25)],
     "start": "2003-01-01", "end": "2019-12-31", "options": {"rebalance": "band:5%", "fee": "0.2%"}},
    {"name": "daily rebalancing with a fee",
     "positions": [("MRK", "L", 50), ("PFE", "L", 50)],
     "start": "2010-01-01", "end": "2014-12-31", "options": {"rebalance": "daily", "fee": "0.05%"}},
    {"name": "long/short against the S&P 500 with rf 3%",
     "positions": [("XOM", "L", 70), ("CVX", "S", 30)],
     "start": "2001-06-01", "end": "2011-06-01", "options": {"rf": "3%", "benchmark": "^GSPC"}},
    {"name": "monthly contributions, buy and hold",
     "positions": [("KO", "L", 50), ("JNJ", "L", 50)],
     "start": "2008-01-01", "end": "2018-12-31", "options": {"capital": "10000", "contribute": "1000/month"}},
    {"name": "quarterly withdrawals, monthly rebalancing, fee and benchmark",
     "positions": [("WMT", "L", 40), ("PG", "L", 40), ("BAC", "S", 20)],
     "start": "2006-01-01", "end": "2016-12-31",
     "options": {"capital": "250000", "contribute": "-2500/quarter", "rebalance": "monthly", "fee": "0.1%",
                 "benchmark": "^GSPC", "rf": "1.5%"}},
    {"name": "2008 crash, not recovered by the end",
     "positions": [("BAC", "L", 100)],
     "start": "2008-09-01", "end": "2009-03-06", "options": {"benchmark": "^GSPC"}},
    # Depletion (docs/metrics.md): the value reaches zero, positions close, flows stop, that day's return is -1.
    {"name": "withdrawals larger than the portfolio: depleted",
     "positions": [("WMT", "L", 100)],
     "start": "1990-01-01", "end": "2022-12-28", "options": {"capital": "10000", "contribute": "-2000/month"}},
    {"name": "long/short whose value crosses zero: depleted, against the S&P 500",
     "positions": [("AAPL", "L", 30), ("MSFT", "S", 50), ("KO", "L", 20)],
     "start": "1990-01-04", "end": "2022-12-31", "options": {"benchmark": "^GSPC"}},
    {"name": "monthly contributions against the S&P 500 given the same cash flows",
     "positions": [("KO", "L", 60), ("PEP", "L", 40)],
     "start": "2005-01-01", "end": "2015-12-31",
     "options": {"contribute": "1000/month", "rebalance": "yearly", "benchmark": "^GSPC"}},
]

# Leverage (issue 18), appended with `--append` so the entries above stay as committed: loans (CASH-S), books whose
# longs minus shorts make 100%, cash= and borrow= interest (actual/360), synthetic tickers (daily-reset leverage,
# expense ratio actual/365, financing at the cash= rate plus a spread, actual/360).
LEVERAGED_PORTFOLIOS = [
    {"name": "1.5x KO on a margin loan at borrow=5%, cash=1%, against the S&P 500",
     "positions": [("KO", "L", 150), ("CASH", "S", 50)],
     "start": "2005-01-01", "end": "2015-12-31", "options": {"benchmark": "^GSPC", "cash": "1%", "borrow": "5%"}},
    {"name": "130/30 with monthly rebalancing, cash=2% and borrow=4%",
     "positions": [("AAPL", "L", 65), ("MSFT", "L", 65), ("KO", "S", 30)],
     "start": "2010-01-01", "end": "2020-12-31", "options": {"rebalance": "monthly", "cash": "2%", "borrow": "4%"}},
    {"name": "synthetic 2x daily-reset PEP with E=0.95 and SP=0.4 financed at cash=3%",
     "positions": [("PEP?L=2&E=0.95", "L", 100)],
     "start": "2000-01-01", "end": "2010-12-31", "options": {"cash": "3%"}},
    {"name": "inverse synthetic XOM beside cash earning 2%, quarterly rebalancing",
     "positions": [("XOM?L=-1", "L", 50), ("CASH", "L", 50)],
     "start": "2008-01-01", "end": "2012-12-31", "options": {"rebalance": "quarterly", "cash": "2%"}},
]

RETURN_SERIES = [
    {"name": "AAPL price returns vs S&P 500, 1990-2022", "ticker": "AAPL", "benchmark": "^GSPC",
     "start": "1990-01-01", "end": "2022-12-31", "rf": 0.0},
    {"name": "RRC price returns vs S&P 500 with rf 4%, 2000-2010", "ticker": "RRC", "benchmark": "^GSPC",
     "start": "2000-01-01", "end": "2010-12-31", "rf": 0.04},
    {"name": "S&P 500 price returns, 2007-2013", "ticker": "^GSPC", "benchmark": None,
     "start": "2007-01-01", "end": "2013-12-31", "rf": 0.01},
]


def percent(text):
    return float(text.rstrip("%")) / 100


def command_string(portfolio):
    parts = [f"{t}-{s}-{w}%" for t, s, w in portfolio["positions"]]
    parts += [portfolio["start"], portfolio["end"]]
    parts += [f"{k}={v}" for k, v in portfolio["options"].items()]
    return " ".join(parts)


def period_keys(index, frequency):
    if frequency in ("daily",):
        return np.arange(len(index))
    if frequency in ("weekly",):
        monday = index - pd.to_timedelta(index.weekday, unit="D")
        return monday.to_numpy()
    if frequency in ("monthly", "month"):
        return (index.year * 12 + index.month).to_numpy()
    if frequency in ("quarterly", "quarter"):
        return (index.year * 4 + (index.month - 1) // 3).to_numpy()
    if frequency in ("yearly", "year"):
        return index.year.to_numpy()
    raise ValueError(frequency)


def new_period_flags(keys):
    flags = np.zeros(len(keys), dtype=bool)
    flags[1:] = keys[1:] != keys[:-1]
    return flags


def synthetic_column(ticker, frame, cash_rate):
    """A synthetic ticker BASE?L=x&E=y&SP=z over the run's rows, anchored at the base's first close."""
    base, modifiers = ticker.split("?")
    values = dict(pair.split("=") for pair in modifiers.split("&"))
    lev = float(values.get("L", 1))
    expense = float(values.get("E", max(abs(lev) - 1, 0) * 0.5)) / 100
    spread = float(values.get("SP", 0.4)) / 100
    exposure = lev - 1 if lev > 1 else (-lev if lev < 0 else 0)
    u = frame[base].to_numpy(dtype=float)
    days = np.diff(frame.index.values).astype("timedelta64[D]").astype(float)
    out = np.empty(len(u))
    out[0] = u[0]
    for t in range(1, len(u)):
        financing = ((lev - 1) * cash_rate + exposure * spread) * days[t - 1] / 360
        out[t] = out[t - 1] * (1 + lev * (u[t] / u[t - 1] - 1) - financing - expense * days[t - 1] / 365)
    return out


def simulate(portfolio, prices):
    """The simulation rules, written independently of the TypeScript engine."""
    opts = portfolio["options"]
    frame = prices.loc[portfolio["start"]:portfolio["end"]].copy()
    cash_rate = percent(opts.get("cash", "0%"))
    borrow_rate = percent(opts.get("borrow", "0%"))
    for ticker, _, _ in portfolio["positions"]:
        if "?" in ticker:
            frame[ticker] = synthetic_column(ticker, frame, cash_rate)
    index = frame.index
    day_gaps = np.concatenate([[0.0], np.diff(index.values).astype("timedelta64[D]").astype(float)])
    assets = [(t, s, w) for t, s, w in portfolio["positions"] if t != "CASH"]
    tickers = [t for t, _, _ in assets]
    targets = np.array([(1 if s == "L" else -1) * w / 100 for _, s, w in assets])
    p = frame[tickers].to_numpy(dtype=float)
    capital = float(opts.get("capital", 100000))
    fee_rate = percent(opts.get("fee", "0%"))
    rebalance = opts.get("rebalance", "none")
    band = percent(rebalance[5:]) if rebalance.startswith("band:") else 0.0
    rebalance_flags = (new_period_flags(period_keys(index, rebalance))
                       if rebalance not in ("none",) and not rebalance.startswith("band:")
                       else np.zeros(len(index), dtype=bool))
    contribution = opts.get("contribute")
    flow_amount = float(contribution.split("/")[0]) if contribution else 0.0
    flow_flags = (new_period_flags(period_keys(index, contribution.split("/")[1]))
                  if contribution else np.zeros(len(index), dtype=bool))

    rows = len(index)
    nav = np.zeros(rows)
    returns = np.zeros(rows)
    shares = targets * capital / p[0]
    fee = fee_rate * np.abs(shares * p[0]).sum()
    cash = capital - (shares * p[0]).sum() - fee
    nav[0] = capital - fee
    base = capital
    flows = [(index[0], capital)]
    depleted = False
    for t in range(1, rows):
        if depleted:
            continue  # nav and returns stay 0
        if cash_rate != 0 or borrow_rate != 0:
            # Interest since the last close, actual/360: cash earns cash=, a loan pays borrow=.
            cash += cash * (cash_rate if cash >= 0 else borrow_rate) * day_gaps[t] / 360
        before = cash + float(np.dot(shares, p[t]))
        flow = flow_amount if flow_flags[t] else 0.0
        if before <= 0 or before + flow <= 0:
            # Depleted: what is left (if anything) is paid out, positions closed, a -100% day.
            if before > 0 and flow < 0:
                flows.append((index[t], -before))
            shares = np.zeros(len(shares))
            cash = 0.0
            returns[t] = -1.0
            depleted = True
            continue
        cash += flow
        if flow != 0.0:
            flows.append((index[t], flow))
        do_rebalance = bool(rebalance_flags[t])
        if not do_rebalance and band > 0 and before > 0:
            do_rebalance = bool(np.any(np.abs(shares * p[t] / before - targets) > band))
        fee = 0.0
        if do_rebalance or flow != 0.0:
            change = (targets * (before + flow) / p[t] - shares) if do_rebalance else (targets * flow / p[t])
            shares = shares + change
            cash -= float((change * p[t]).sum())
            fee = fee_rate * float(np.abs(change * p[t]).sum())
            cash -= fee
        if before + flow - fee <= 0:
            shares = np.zeros(len(shares))
            cash = 0.0
            returns[t] = -1.0
            depleted = True
            continue
        nav[t] = before + flow - fee
        returns[t] = (nav[t] - flow) / base - 1
        base = nav[t]
    return index, nav, returns, flows


def benchmark_run(portfolio, prices, index):
    """The benchmark given the portfolio's cash flows: the capital, then each scheduled flow, no fees."""
    opts = portfolio["options"]
    b = prices[opts["benchmark"]].loc[index].to_numpy(dtype=float)
    capital = float(opts.get("capital", 100000))
    contribution = opts.get("contribute")
    amount = float(contribution.split("/")[0]) if contribution else 0.0
    flags = (new_period_flags(period_keys(index, contribution.split("/")[1]))
             if contribution else np.zeros(len(index), dtype=bool))
    units = capital / b[0]
    flows = [(index[0], capital)]
    value = capital
    for t in range(1, len(index)):
        value = units * b[t]
        if flags[t]:
            if value + amount <= 0:
                if value > 0:
                    flows.append((index[t], -value))
                units = 0.0
                value = 0.0
                break
            units += amount / b[t]
            flows.append((index[t], amount))
            value = value + amount
    final = value if units > 0 else 0.0
    return {"finalNav": final,
            "moneyWeightedReturn": xirr(flows, index[-1], final) if contribution else None}


def xirr(flows, end_date, final_value):
    origin = flows[0][0]

    def present_value(rate):
        total = final_value * (1 + rate) ** (-(end_date - origin).days / 365)
        for date, amount in flows:
            total -= amount * (1 + rate) ** (-(date - origin).days / 365)
        return total

    return brentq(present_value, -0.99, 10, xtol=1e-15, rtol=1e-15, maxiter=500)


def clean(value):
    if value is None:
        return None
    value = float(value)
    return None if math.isnan(value) or math.isinf(value) else value


def quantstats_metrics(r, rf, nav_dates):
    """Metrics of returns r (indexed by the dates after the start) with QuantStats' own functions."""
    dd = qs.stats.to_drawdown_series(r)
    details = qs.stats.drawdown_details(dd)
    if len(details) > 0:
        worst = details.sort_values(by="max drawdown", ascending=True, kind="stable").iloc[0]
        start = pd.Timestamp(worst["start"])
        end = pd.Timestamp(worst["end"])
        start_pos = nav_dates.get_loc(start)
        end_pos = nav_dates.get_loc(end)
        peak_date = nav_dates[start_pos - 1].strftime("%Y-%m-%d")
        recovery = nav_dates[end_pos + 1].strftime("%Y-%m-%d") if end_pos + 1 < len(nav_dates) else None
        trough = worst["valley"]
        dd_days = int(worst["days"])
        longest = int(details["days"].max())
    else:
        peak_date = trough = recovery = None
        dd_days = longest = 0
    return {
        "startDate": r.index[0].strftime("%Y-%m-%d"),
        "endDate": r.index[-1].strftime("%Y-%m-%d"),
        "tradingDays": int(r.count()),
        "totalReturn": clean(qs.stats.comp(r)),
        "cagr": clean(qs.stats.cagr(r, periods=PERIODS)),
        "volatility": clean(qs.stats.volatility(r, periods=PERIODS)),
        "sharpe": clean(qs.stats.sharpe(r, rf=rf, periods=PERIODS)),
        "sortino": clean(qs.stats.sortino(r, rf=rf, periods=PERIODS)),
        "maxDrawdown": clean(qs.stats.max_drawdown(r)),
        "maxDrawdownPeakDate": peak_date,
        "maxDrawdownTroughDate": trough,
        "maxDrawdownRecoveryDate": recovery,
        "maxDrawdownDays": dd_days,
        "longestDrawdownDays": longest,
        "calmar": clean(qs.stats.calmar(r, periods=PERIODS)),
        "bestDay": clean(qs.stats.best(r)),
        "worstDay": clean(qs.stats.worst(r)),
        "bestMonth": clean(qs.stats.best(r, aggregate="ME")),
        "worstMonth": clean(qs.stats.worst(r, aggregate="ME")),
        "bestYear": clean(qs.stats.best(r, aggregate="YE")),
        "worstYear": clean(qs.stats.worst(r, aggregate="YE")),
        "positiveMonths": clean(qs.stats.win_rate(r, aggregate="ME")),
        "skew": clean(qs.stats.skew(r)),
        "kurtosis": clean(qs.stats.kurtosis(r)),
        # QuantStats has no historical VaR function; its historical CVaR thresholds at pandas' quantile.
        "valueAtRisk95": clean(r.quantile(0.05)),
        "conditionalValueAtRisk95": clean(qs.stats.cvar(r, method="historical")),
        "parametricValueAtRisk95": clean(qs.stats.value_at_risk(r)),
        "parametricConditionalValueAtRisk95": clean(qs.stats.cvar(r)),
        "ulcerIndex": clean(qs.stats.ulcer_index(r)),
    }


def benchmark_metrics(r, b):
    greeks = qs.stats.greeks(r, b, periods=PERIODS)
    active = r - b
    up = b > 0
    down = b < 0

    def capture(mask):
        # PortoFino's own definition (QuantStats has none): ratio of geometric mean returns.
        rg = np.expm1(np.log1p(r[mask]).mean())
        bg = np.expm1(np.log1p(b[mask]).mean())
        return rg / bg

    return {
        "beta": clean(greeks["beta"]),
        "alpha": clean(greeks["alpha"]),
        "correlation": clean(r.corr(b)),
        "rSquared": clean(qs.stats.r_squared(r, b)),
        # Not in QuantStats: annualised sample standard deviation of active returns.
        "trackingError": clean(active.std() * math.sqrt(PERIODS)),
        "informationRatio": clean(qs.stats.information_ratio(r, b)),
        "upCapture": clean(capture(up)),
        "downCapture": clean(capture(down)),
    }


def portfolio_entry(portfolio, prices):
    index, nav, returns, flows = simulate(portfolio, prices)
    rf = percent(portfolio["options"].get("rf", "0%"))
    r = pd.Series(returns[1:], index=index[1:])
    entry = {
        "name": portfolio["name"],
        "command": command_string(portfolio),
        "days": len(index),
        "navCheckpoints": [{"index": int(i), "date": index[i].strftime("%Y-%m-%d"), "nav": float(nav[i])}
                           for i in sorted(set(list(range(0, len(index), 250)) + [len(index) - 1]))],
        "metrics": quantstats_metrics(r, rf, index),
        "benchmark": None,
        "moneyWeightedReturn": None,
    }
    if "benchmark" in portfolio["options"]:
        bench = prices[portfolio["options"]["benchmark"]].loc[index]
        b = bench.pct_change().iloc[1:]
        entry["benchmark"] = benchmark_metrics(r, b)
        entry["benchmarkRun"] = benchmark_run(portfolio, prices, index)
    if len(flows) > 1:
        entry["moneyWeightedReturn"] = xirr(flows, index[-1], nav[-1])
    return entry


def append_missing():
    """Appends the portfolios not yet in the committed file, keeping every committed entry as it is."""
    prices = pd.read_csv(PRICES, index_col="Date", parse_dates=True)
    with open(OUTPUT) as f:
        output = json.load(f)
    known = {entry["name"] for entry in output["portfolios"]}
    added = [portfolio_entry(p, prices) for p in PORTFOLIOS + LEVERAGED_PORTFOLIOS if p["name"] not in known]
    output["portfolios"].extend(added)
    with open(OUTPUT, "w") as f:
        json.dump(output, f, indent=1)
        f.write("\n")
    print(f"appended {len(added)} portfolios to {OUTPUT}")


def main():
    if "--append" in sys.argv:
        append_missing()
        return
    prices = pd.read_csv(PRICES, index_col="Date", parse_dates=True)
    output = {
        "generator": "scripts/quantstats/generate_fixtures.py",
        "versions": {"quantstats": qs.__version__, "pandas": pd.__version__, "numpy": np.__version__,
                     "scipy": scipy.__version__, "python": sys.version.split()[0]},
        "portfolios": [],
        "returnSeries": [],
    }
    for portfolio in PORTFOLIOS + LEVERAGED_PORTFOLIOS:
        output["portfolios"].append(portfolio_entry(portfolio, prices))

    for series in RETURN_SERIES:
        frame = prices.loc[series["start"]:series["end"]]
        r = frame[series["ticker"]].pct_change().iloc[1:]
        entry = {**series, "metrics": quantstats_metrics(r, series["rf"], frame.index), "benchmarkMetrics": None}
        if series["benchmark"]:
            b = frame[series["benchmark"]].pct_change().iloc[1:]
            entry["benchmarkMetrics"] = benchmark_metrics(r, b)
        output["returnSeries"].append(entry)

    with open(OUTPUT, "w") as f:
        json.dump(output, f, indent=1)
        f.write("\n")
    print(f"wrote {len(output['portfolios'])} portfolios and {len(output['returnSeries'])} return series to {OUTPUT}")


if __name__ == "__main__":
    main()
