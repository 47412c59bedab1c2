"""Renderers and fault sets per entity: clean staging rows -> raw extract columns."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etlcheck.sampledata import vocabulary
from etlcheck.sampledata.raw import (
    EntitySpec,
    amount_text,
    bad_code,
    bad_number,
    end_before_start,
    flag_text,
    messy_code,
    messy_email,
    messy_text,
    missing,
    rate_text,
    spelled,
    unknown_reference,
)
from etlcheck.sampledata.truth import frame


def _frame(columns: dict[str, object]) -> pd.DataFrame:
    return frame({k: c.to_numpy() if isinstance(c, pd.Series) else c for k, c in columns.items()})


def render_brokers(t: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return _frame(
        {
            "broker_code": messy_code(t["broker_code"], rng),
            "broker_name": messy_text(t["broker_name"], rng),
            "status_code": spelled(t["status"], vocabulary.BROKER_STATUS, rng),
            "region_code": messy_code(t["region_code"], rng),
            "email": messy_email(t["email"], rng),
            "phone": t["phone"],
            "commission_rate": rate_text(t["commission_rate"]),
            "loaded_at": t["loaded_at"],
        }
    )


def render_products(t: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return _frame(
        {
            "product_code": messy_code(t["product_code"], rng),
            "product_name": messy_text(t["product_name"], rng),
            "line_code": spelled(t["line"], vocabulary.PRODUCT_LINE, rng),
            "base_rate": rate_text(t["base_rate"]),
            "active_flag": flag_text(t["is_active"], rng),
            "loaded_at": t["loaded_at"],
        }
    )


def render_clients(t: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return _frame(
        {
            "client_code": messy_code(t["client_code"], rng),
            "first_name": messy_text(t["first_name"], rng),
            "last_name": messy_text(t["last_name"], rng),
            "birth_date": t["birth_date"],
            "gender_code": spelled(t["gender"], vocabulary.GENDER, rng),
            "state_code": messy_code(t["state_code"], rng),
            "email": messy_email(t["email"], rng),
            "loaded_at": t["loaded_at"],
        }
    )


def render_groups(t: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return _frame(
        {
            "group_code": messy_code(t["group_code"], rng),
            "group_name": messy_text(t["group_name"], rng),
            "broker_code": messy_code(t["broker_code"], rng),
            "industry_code": spelled(t["industry"], vocabulary.INDUSTRY, rng),
            "employee_count": t["employee_count"],
            "effective_date": t["effective_date"],
            "loaded_at": t["loaded_at"],
        }
    )


def render_policies(t: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return _frame(
        {
            "policy_number": messy_code(t["policy_number"], rng),
            "client_code": messy_code(t["client_code"], rng),
            "broker_code": messy_code(t["broker_code"], rng),
            "group_code": messy_code(t["group_code"], rng),
            "product_code": messy_code(t["product_code"], rng),
            "status_code": spelled(t["status"], vocabulary.POLICY_STATUS, rng),
            "start_date": t["start_date"],
            "end_date": t["end_date"],
            "annual_premium": amount_text(t["annual_premium"]),
            "currency_code": messy_code(t["currency_code"], rng),
            "loaded_at": t["loaded_at"],
        }
    )


def render_proposals(t: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return _frame(
        {
            "proposal_number": messy_code(t["proposal_number"], rng),
            "broker_code": messy_code(t["broker_code"], rng),
            "client_code": messy_code(t["client_code"], rng),
            "group_code": messy_code(t["group_code"], rng),
            "product_code": messy_code(t["product_code"], rng),
            "status_code": spelled(t["status"], vocabulary.PROPOSAL_STATUS, rng),
            "submitted_date": t["submitted_date"],
            "quoted_premium": amount_text(t["quoted_premium"]),
            "loaded_at": t["loaded_at"],
        }
    )


def render_premiums(t: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return _frame(
        {
            "policy_number": messy_code(t["policy_number"], rng),
            "due_date": t["due_date"],
            "amount": amount_text(t["amount"]),
            "paid_flag": flag_text(t["is_paid"], rng),
            "loaded_at": t["loaded_at"],
        }
    )


def render_claims(t: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    return _frame(
        {
            "claim_number": messy_code(t["claim_number"], rng),
            "policy_number": messy_code(t["policy_number"], rng),
            "loss_date": t["loss_date"],
            "reported_date": t["reported_date"],
            "claim_amount": amount_text(t["claim_amount"]),
            "status_code": spelled(t["status"], vocabulary.CLAIM_STATUS, rng),
            "loaded_at": t["loaded_at"],
        }
    )


SPECS: dict[str, EntitySpec] = {
    "brokers": EntitySpec(
        "broker_code",
        "BR",
        7,
        render_brokers,
        {
            "MISSING_KEY": missing("broker_code"),
            "BAD_STATUS": bad_code("status_code"),
            "BAD_COMMISSION": bad_number("commission_rate"),
        },
    ),
    "products": EntitySpec(
        "product_code",
        "PR",
        5,
        render_products,
        {"BAD_LINE": bad_code("line_code"), "BAD_RATE": bad_number("base_rate")},
    ),
    "clients": EntitySpec(
        "client_code",
        "CL",
        8,
        render_clients,
        {"MISSING_KEY": missing("client_code"), "BAD_GENDER": bad_code("gender_code")},
    ),
    "groups": EntitySpec(
        "group_code",
        "GR",
        6,
        render_groups,
        {
            "MISSING_KEY": missing("group_code"),
            "ORPHAN_BROKER": unknown_reference("broker_code", "BX"),
            "BAD_INDUSTRY": bad_code("industry_code"),
        },
    ),
    "policies": EntitySpec(
        "policy_number",
        "PL",
        9,
        render_policies,
        {
            "MISSING_KEY": missing("policy_number"),
            "ORPHAN_BROKER": unknown_reference("broker_code", "BX"),
            "ORPHAN_CLIENT": unknown_reference("client_code", "CX"),
            "UNKNOWN_PRODUCT": unknown_reference("product_code", "PX"),
            "ORPHAN_GROUP": unknown_reference("group_code", "GX"),
            "BAD_STATUS": bad_code("status_code"),
            "BAD_PREMIUM": bad_number("annual_premium"),
            "BAD_DATES": end_before_start,
        },
    ),
    "proposals": EntitySpec(
        "proposal_number",
        "PP",
        8,
        render_proposals,
        {
            "MISSING_KEY": missing("proposal_number"),
            "ORPHAN_BROKER": unknown_reference("broker_code", "BX"),
            "BAD_STATUS": bad_code("status_code"),
            "BAD_PREMIUM": bad_number("quoted_premium"),
        },
    ),
    "premiums": EntitySpec(
        None,
        "",
        0,
        render_premiums,
        {
            "ORPHAN_POLICY": unknown_reference("policy_number", "PLX"),
            "BAD_AMOUNT": bad_number("amount"),
        },
    ),
    "claims": EntitySpec(
        "claim_number",
        "CM",
        8,
        render_claims,
        {
            "ORPHAN_POLICY": unknown_reference("policy_number", "PLX"),
            "BAD_AMOUNT": bad_number("claim_amount"),
            "BAD_STATUS": bad_code("status_code"),
        },
    ),
}
