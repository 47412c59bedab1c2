"""The clean entities: what the staging tables must hold after a correct run.

Each function draws one entity with numpy, column-wise, and returns it with the
staging table's column names and values already normalised (trimmed, upper-case
codes, mapped statuses, derived columns). ``raw.py`` renders them dirty.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from etlcheck.sampledata import vocabulary

LOAD_DAY = np.datetime64("2024-06-10T02:00:00", "us")
DAY = np.timedelta64(1, "D")


_LOW_DIGITS = np.strings.zfill(np.arange(1000).astype("U3"), 3).astype(object)


def codes(prefix: str, first: int, count: int, width: int = 7) -> np.ndarray:
    """Business keys ``prefix`` + zero-padded numbers first, first+1, ... (object array)."""
    numbers = np.arange(first, first + count, dtype=np.int64)
    thousands = numbers // 1000
    base = int(thousands[0]) if count else 0
    span = np.arange(base, base + (int(thousands[-1]) - base + 1 if count else 0))
    heads = np.strings.add(prefix, np.strings.zfill(span.astype("U12"), width - 3))
    return heads.astype(object)[thousands - base] + _LOW_DIGITS[numbers % 1000]


def text(values: np.ndarray) -> np.ndarray:
    """Numbers or fixed-width strings as an object array of str."""
    return np.asarray(values).astype("U").astype(object)


def frame(columns: Mapping[str, object]) -> pd.DataFrame:
    """A DataFrame whose string columns stay plain object columns (no costly inference)."""
    data: dict[str, object] = {}
    for name, values in columns.items():
        if isinstance(values, np.ndarray) and values.dtype == object:
            data[name] = pd.Series(values, dtype=object)
        elif isinstance(values, pd.Series):
            data[name] = values.reset_index(drop=True)
        else:
            data[name] = values
    return pd.DataFrame(data)


def pick(rng: np.random.Generator, values: np.ndarray, count: int) -> np.ndarray:
    return values[rng.integers(0, len(values), count)]


def pick_target(
    rng: np.random.Generator, table: Mapping[str, tuple[float, tuple[str, ...]]], count: int
) -> np.ndarray:
    """Target codes drawn with the probabilities of a code table."""
    targets = np.array(list(table), dtype=object)
    weights = np.array([p for p, _ in table.values()])
    return targets[rng.choice(len(targets), count, p=weights / weights.sum())]


def loaded_at(rng: np.random.Generator, count: int) -> np.ndarray:
    return LOAD_DAY + rng.integers(0, 6 * 3600, count).astype("timedelta64[s]")


def days_from(start: str, rng: np.random.Generator, count: int, span: int) -> np.ndarray:
    day = np.datetime64(start, "D") + rng.integers(0, span, count).astype("timedelta64[D]")
    return day.astype("datetime64[s]")


def month_boundaries(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """DATEDIFF(MONTH, first, last): month boundaries crossed, as SQL Server counts them."""
    return (
        last.astype("datetime64[M]").astype(np.int64)
        - first.astype("datetime64[M]").astype(np.int64)
    ).astype(np.int32)


def money(rng: np.random.Generator, count: int, low: int, high: int) -> np.ndarray:
    """Amounts in cents, drawn from a rate table of 4096 distinct amounts."""
    table = rng.integers(low, high, 4096).astype(np.int64)
    return table[rng.integers(0, len(table), count)]


def with_nulls(values: np.ndarray, rng: np.random.Generator, share: float) -> np.ndarray:
    out = np.asarray(values, dtype=object).copy()
    out[rng.random(len(out)) < share] = None
    return out


def brokers(rng: np.random.Generator, count: int) -> pd.DataFrame:
    surname = rng.integers(0, len(vocabulary.SURNAMES), count)
    status = pick_target(rng, vocabulary.BROKER_STATUS, count)
    domain = np.strings.add(
        np.strings.add("@", np.strings.lower(vocabulary.SURNAMES.astype("U"))), ".example.com"
    ).astype(object)
    email = "contact." + codes("br", 1, count) + domain[surname]
    phone = "555-" + _LOW_DIGITS[rng.integers(0, 1000, count)] + text(rng.integers(0, 10, count))
    return frame(
        {
            "broker_code": codes("BR", 1, count),
            "broker_name": vocabulary.SURNAMES[surname]
            + " "
            + pick(rng, vocabulary.FIRM_SUFFIXES, count),
            "status": status,
            "region_code": pick(rng, vocabulary.REGIONS, count),
            "email": with_nulls(email, rng, 0.08),
            "phone": with_nulls(phone, rng, 0.05),
            "commission_rate": rng.integers(250, 1500, count) / 10_000,
            "is_active": status == "ACTIVE",
            "loaded_at": loaded_at(rng, count),
        }
    )


def products(rng: np.random.Generator, count: int) -> pd.DataFrame:
    line = pick_target(rng, vocabulary.PRODUCT_LINE, count)
    title = np.strings.capitalize(line.astype("U")).astype(object)
    name = (
        title
        + " "
        + pick(rng, vocabulary.PRODUCT_TIERS, count)
        + " "
        + text(np.arange(1, count + 1))
    )
    return frame(
        {
            "product_code": codes("PR", 1, count, 5),
            "product_name": name,
            "line": line,
            "base_rate": rng.integers(100, 25_000, count) / 10_000,
            "is_active": rng.random(count) < 0.9,
            "loaded_at": loaded_at(rng, count),
        }
    )


def clients(rng: np.random.Generator, count: int) -> pd.DataFrame:
    first_index = rng.integers(0, len(vocabulary.FIRST_NAMES), count)
    last_index = rng.integers(0, len(vocabulary.SURNAMES), count)
    first = vocabulary.FIRST_NAMES[first_index]
    last = vocabulary.SURNAMES[last_index]
    lower_first = np.strings.lower(vocabulary.FIRST_NAMES.astype("U")).astype(object)
    lower_last = np.strings.lower(vocabulary.SURNAMES.astype("U")).astype(object)
    email = (
        lower_first[first_index]
        + "."
        + lower_last[last_index]
        + "."
        + codes("", 1, count, 6)
        + "@mail.example"
    )
    birth = days_from("1940-01-01", rng, count, 365 * 65)
    return frame(
        {
            "client_code": codes("CL", 1, count, 8),
            "first_name": first,
            "last_name": last,
            "full_name": first + " " + last,
            "birth_date": pd.Series(birth).where(rng.random(count) >= 0.03),
            "gender": pick_target(rng, vocabulary.GENDER, count),
            "state_code": pick(rng, vocabulary.STATES, count),
            "email": with_nulls(email, rng, 0.10),
            "loaded_at": loaded_at(rng, count),
        }
    )


def groups(rng: np.random.Generator, count: int, broker_codes: pd.Series) -> pd.DataFrame:
    employees = np.minimum(np.exp(rng.normal(4.0, 1.4, count)).astype(np.int64) + 2, 20_000)
    known = rng.random(count) >= 0.03
    band = np.where(employees < 50, "SMALL", np.where(employees < 500, "MEDIUM", "LARGE"))
    return frame(
        {
            "group_code": codes("GR", 1, count, 6),
            "group_name": pick(rng, vocabulary.SURNAMES, count)
            + " "
            + pick(rng, vocabulary.GROUP_SUFFIXES, count),
            "broker_code": pick(rng, broker_codes.to_numpy(), count),
            "industry": pick_target(rng, vocabulary.INDUSTRY, count),
            "employee_count": pd.Series(employees, dtype="Int32").where(known),
            "size_band": np.where(known, band, "UNKNOWN").astype(object),
            "effective_date": days_from("2015-01-01", rng, count, 365 * 9),
            "loaded_at": loaded_at(rng, count),
        }
    )


def policies(
    rng: np.random.Generator, count: int, refs: Mapping[str, pd.DataFrame]
) -> pd.DataFrame:
    product_index = rng.integers(0, len(refs["products"]), count)
    grouped = rng.random(count) < 0.3
    group = pick(rng, refs["groups"]["group_code"].to_numpy(), count)
    group[~grouped] = None
    start = days_from("2019-01-01", rng, count, 365 * 5 + 150)
    term = np.array([6, 12, 12, 12, 24, 36])[rng.integers(0, 6, count)]
    end = (
        (start.astype("datetime64[M]") + term).astype("datetime64[D]")
        + (start.astype("datetime64[D]") - start.astype("datetime64[M]").astype("datetime64[D]"))
        - DAY
    ).astype("datetime64[s]")
    monthly = money(rng, count, 1_500, 90_000)
    return frame(
        {
            "policy_number": codes("PL", 1, count, 9),
            "client_code": pick(rng, refs["clients"]["client_code"].to_numpy(), count),
            "broker_code": pick(rng, refs["brokers"]["broker_code"].to_numpy(), count),
            "group_code": group,
            "product_code": refs["products"]["product_code"].to_numpy()[product_index],
            "line": refs["products"]["line"].to_numpy()[product_index],
            "status": pick_target(rng, vocabulary.POLICY_STATUS, count),
            "start_date": start,
            "end_date": end,
            "term_months": month_boundaries(start, end),
            "annual_premium": monthly * 12 / 100,
            "monthly_premium": monthly / 100,
            "currency_code": np.array(["USD", "CAD"], dtype=object)[
                (rng.random(count) >= 0.93).astype(np.int64)
            ],
            "is_group_policy": grouped,
            "loaded_at": loaded_at(rng, count),
        }
    )


def proposals(
    rng: np.random.Generator, count: int, refs: Mapping[str, pd.DataFrame]
) -> pd.DataFrame:
    group = with_nulls(pick(rng, refs["groups"]["group_code"].to_numpy(), count), rng, 0.75)
    return frame(
        {
            "proposal_number": codes("PP", 1, count, 8),
            "broker_code": pick(rng, refs["brokers"]["broker_code"].to_numpy(), count),
            "client_code": pick(rng, refs["clients"]["client_code"].to_numpy(), count),
            "group_code": group,
            "product_code": pick(rng, refs["products"]["product_code"].to_numpy(), count),
            "status": pick_target(rng, vocabulary.PROPOSAL_STATUS, count),
            "submitted_date": days_from("2023-01-01", rng, count, 520),
            "quoted_premium": money(rng, count, 20_000, 2_000_000) / 100,
            "loaded_at": loaded_at(rng, count),
        }
    )


def premiums(
    rng: np.random.Generator, count: int, refs: Mapping[str, pd.DataFrame]
) -> pd.DataFrame:
    policy = refs["policies"]
    index = np.arange(count) % len(policy)
    installment = np.arange(count) // len(policy)
    due = policy["start_date"].to_numpy()[index] + (30 * installment).astype("timedelta64[D]")
    return frame(
        {
            "policy_number": policy["policy_number"].to_numpy()[index],
            "due_date": due.astype("datetime64[s]"),
            "amount": policy["monthly_premium"].to_numpy()[index],
            "is_paid": rng.random(count) < 0.85,
            "loaded_at": loaded_at(rng, count),
        }
    )


def claims(rng: np.random.Generator, count: int, refs: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    loss = days_from("2020-01-01", rng, count, 365 * 4 + 120)
    lag = rng.integers(0, 61, count)
    policy = rng.integers(0, len(refs["policies"]), count)
    claims = frame(
        {
            "claim_number": codes("CM", 1, count, 8),
            "policy_number": refs["policies"]["policy_number"].to_numpy()[policy],
            "loss_date": loss,
            "reported_date": loss + lag.astype("timedelta64[D]"),
            "report_lag_days": lag.astype(np.int32),
            "claim_amount": money(rng, count, 5_000, 5_000_000) / 100,
            "status": pick_target(rng, vocabulary.CLAIM_STATUS, count),
            "loaded_at": loaded_at(rng, count),
        }
    )
    claims.attrs["policy_index"] = policy
    return claims
