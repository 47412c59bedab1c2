"""Word lists and code variants the generator draws from.

The code variants mirror ``[etl].[map_codes]`` as loaded by ``sql/10-load-code-maps.sql``:
every source spelling listed here maps to its target there; ``BAD_CODES`` map nowhere.
"""

from __future__ import annotations

import numpy as np

SURNAMES = np.array(
    [
        "Abbott",
        "Baker",
        "Carter",
        "Dawson",
        "Ellis",
        "Fischer",
        "Garcia",
        "Hughes",
        "Ingram",
        "Jensen",
        "Keller",
        "Lambert",
        "Morgan",
        "Nolan",
        "Ortega",
        "Porter",
        "Quinn",
        "Reyes",
        "Sawyer",
        "Turner",
        "Underwood",
        "Vargas",
        "Walsh",
        "Young",
        "Zimmer",
        "Bishop",
        "Coleman",
        "Dalton",
        "Everett",
        "Fletcher",
        "Gibson",
        "Harper",
        "Irwin",
        "Jordan",
        "Kramer",
        "Lowell",
        "Mercer",
        "Newton",
        "Osborne",
        "Preston",
        "Ramsey",
        "Sutton",
        "Tucker",
        "Vaughn",
        "Whitman",
        "Barrett",
        "Chandler",
        "Donovan",
    ],
    dtype=object,
)
FIRST_NAMES = np.array(
    [
        "James",
        "Mary",
        "Robert",
        "Patricia",
        "John",
        "Jennifer",
        "Michael",
        "Linda",
        "David",
        "Elizabeth",
        "William",
        "Barbara",
        "Richard",
        "Susan",
        "Joseph",
        "Jessica",
        "Thomas",
        "Sarah",
        "Charles",
        "Karen",
        "Daniel",
        "Lisa",
        "Matthew",
        "Nancy",
        "Anthony",
        "Betty",
        "Mark",
        "Sandra",
        "Steven",
        "Ashley",
        "Paul",
        "Emily",
        "Andrew",
        "Donna",
        "Joshua",
        "Michelle",
        "Kevin",
        "Carol",
    ],
    dtype=object,
)
FIRM_SUFFIXES = np.array(
    ["Insurance Group", "& Associates", "Brokerage", "Risk Partners", "Benefits LLC", "Agency"],
    dtype=object,
)
GROUP_SUFFIXES = np.array(
    ["Manufacturing", "Holdings", "Logistics", "Health System", "School District", "Foods"],
    dtype=object,
)
STATES = np.array(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
    ],
    dtype=object,
)
REGIONS = np.array(["NE", "SE", "MW", "SW", "WE", "NW"], dtype=object)
REGION_NAMES = np.array(
    ["Northeast", "Southeast", "Midwest", "Southwest", "West", "Northwest"], dtype=object
)
PRODUCT_TIERS = np.array(["Basic", "Plus", "Premier", "Select", "Essential"], dtype=object)

# target code -> (probability, source spellings the extracts use for it)
BROKER_STATUS = {
    "ACTIVE": (0.80, ("A", "ACT", "ACTIVE")),
    "INACTIVE": (0.15, ("I", "INACT", "INACTIVE")),
    "SUSPENDED": (0.05, ("S", "SUSP")),
}
PRODUCT_LINE = {
    "LIFE": (0.35, ("L", "LIFE")),
    "HEALTH": (0.35, ("HLTH", "HEALTH")),
    "DENTAL": (0.15, ("DENT", "DENTAL")),
    "DISABILITY": (0.15, ("DI", "DIS")),
}
GENDER = {
    "F": (0.49, ("F", "FEMALE")),
    "M": (0.48, ("M", "MALE")),
    "U": (0.02, ("U",)),
    "X": (0.01, ("X",)),
}
INDUSTRY = {
    "MANUFACTURING": (0.20, ("MFG", "MANUF")),
    "RETAIL": (0.15, ("RET",)),
    "HEALTHCARE": (0.20, ("HC", "HLTHC")),
    "EDUCATION": (0.15, ("EDU",)),
    "TECHNOLOGY": (0.15, ("TECH", "IT")),
    "CONSTRUCTION": (0.10, ("CON",)),
    "FINANCE": (0.05, ("FIN",)),
}
POLICY_STATUS = {
    "IN_FORCE": (0.70, ("IF", "INFORCE", "ACTIVE")),
    "LAPSED": (0.12, ("L", "LAPSED")),
    "CANCELLED": (0.10, ("C", "CANC")),
    "PENDING": (0.08, ("P", "PEND")),
}
PROPOSAL_STATUS = {
    "QUOTED": (0.40, ("Q", "QUOTED")),
    "ACCEPTED": (0.30, ("A", "ACC")),
    "DECLINED": (0.20, ("D", "DEC")),
    "WITHDRAWN": (0.10, ("W",)),
}
CLAIM_STATUS = {
    "OPEN": (0.30, ("O", "OPEN")),
    "CLOSED": (0.55, ("C", "CLOSED")),
    "REOPENED": (0.05, ("R",)),
    "DENIED": (0.10, ("D", "DEN")),
}
BAD_CODES = np.array(["ZZ", "??", "XX9", "N/A"], dtype=object)
BAD_NUMBERS = np.array(["n/a", "TBD", "unknown", "-"], dtype=object)
TRUE_FLAGS = np.array(["Y", "y", "1", "TRUE", "Yes"], dtype=object)
FALSE_FLAGS = np.array(["N", "n", "0", "FALSE", "No"], dtype=object)
