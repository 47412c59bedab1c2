"""Compare two fingerprints: which objects were created, dropped, altered or changed,
and for tables how many rows were added, removed and changed.

Rows are compared as multisets of 64-bit row hashes, so order never matters and a
duplicated row counts as added. When both sides know a row key, an added row and a
removed row with the same key count as one changed row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from etlcheck.isolation.fingerprint import Fingerprint, ObjectFingerprint, SchemaFingerprint

Status = Literal["unchanged", "changed", "created", "dropped", "altered"]


@dataclass(frozen=True)
class TableDiff:
    """What happened to one table (or view, procedure, macro) between two fingerprints."""

    schema: str
    name: str
    kind: str
    status: Status
    rows_before: int = 0
    rows_after: int = 0
    rows_added: int = 0
    rows_removed: int = 0
    rows_changed: int = 0
    recreated: bool = False
    """The object exists on both sides but under a new identity: dropped and re-created."""
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()
    columns_retyped: tuple[str, ...] = ()
    """``name: old -> new`` for each column whose type changed."""
    row_detail: bool = True
    """False when rows could only be counted (a side lacked per-row hashes, or columns changed)."""
    restructured: bool = False
    """A table whose columns are as they were but whose keys, indexes, constraints or
    defaults changed (its definition hash)."""

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def is_table(self) -> bool:
        return self.kind == "table"

    @property
    def sentence(self) -> str:
        """One line for a person: what happened to this object."""
        return _sentence(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "name": self.name,
            "kind": self.kind,
            "status": self.status,
            "rows_before": self.rows_before,
            "rows_after": self.rows_after,
            "rows_added": self.rows_added,
            "rows_removed": self.rows_removed,
            "rows_changed": self.rows_changed,
            "recreated": self.recreated,
            "columns_added": list(self.columns_added),
            "columns_removed": list(self.columns_removed),
            "columns_retyped": list(self.columns_retyped),
            "row_detail": self.row_detail,
            "restructured": self.restructured,
            "sentence": self.sentence,
        }


@dataclass(frozen=True)
class FingerprintDiff:
    """Every object's fate, plus schemas that appeared or disappeared."""

    tables: tuple[TableDiff, ...]
    schemas_created: tuple[str, ...] = ()
    schemas_dropped: tuple[str, ...] = ()

    @property
    def changed_tables(self) -> tuple[TableDiff, ...]:
        return tuple(table for table in self.tables if table.status != "unchanged")

    @property
    def is_clean(self) -> bool:
        return not (self.changed_tables or self.schemas_created or self.schemas_dropped)

    @property
    def sentences(self) -> tuple[str, ...]:
        """One line per schema event and per object that is not unchanged."""
        lines = [f"schema {name} was created" for name in self.schemas_created]
        lines += [f"schema {name} was dropped" for name in self.schemas_dropped]
        return (*lines, *(table.sentence for table in self.changed_tables))

    def table(self, schema: str, name: str) -> TableDiff | None:
        for table in self.tables:
            if table.schema.lower() == schema.lower() and table.name.lower() == name.lower():
                return table
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "is_clean": self.is_clean,
            "schemas_created": list(self.schemas_created),
            "schemas_dropped": list(self.schemas_dropped),
            "tables": [table.to_dict() for table in self.tables],
            "sentences": list(self.sentences),
        }


def diff_fingerprints(before: Fingerprint, after: Fingerprint) -> FingerprintDiff:
    """Compare two fingerprints of the same schemas (matched case-insensitively)."""
    if before.method != after.method:
        raise ValueError(
            f"cannot compare a {before.method} fingerprint with a {after.method} one; "
            "take both with the same method"
        )
    names = {s.name.lower(): s.name for s in (*after.schemas, *before.schemas)}
    created, dropped, tables = [], [], []
    for key in sorted(names):
        old = before.schema(key) or SchemaFingerprint(names[key], False)
        new = after.schema(key) or SchemaFingerprint(names[key], False)
        if new.exists and not old.exists:
            created.append(new.name)
        elif old.exists and not new.exists:
            dropped.append(old.name)
        tables += _diff_schema(old, new)
    return FingerprintDiff(tuple(tables), tuple(created), tuple(dropped))


def where_data_landed(before: Fingerprint, after: Fingerprint) -> list[TableDiff]:
    """Tables (e.g. in the sandbox) that received rows between the two fingerprints."""
    return [
        table
        for table in diff_fingerprints(before, after).tables
        if table.is_table
        and (table.rows_added or table.rows_changed or (table.recreated and table.rows_after))
    ]


def _diff_schema(old: SchemaFingerprint, new: SchemaFingerprint) -> list[TableDiff]:
    def index(schema: SchemaFingerprint) -> dict[tuple[str, str], ObjectFingerprint]:
        return {(item.name.lower(), item.kind): item for item in schema.objects}

    olds, news = index(old), index(new)
    result = []
    for key in sorted(olds.keys() | news.keys()):
        result.append(_diff_object(olds.get(key), news.get(key)))
    return result


def _diff_object(old: ObjectFingerprint | None, new: ObjectFingerprint | None) -> TableDiff:
    if old is None and new is not None:
        count = new.row_count or 0
        return TableDiff(new.schema, new.name, new.kind, "created", 0, count, rows_added=count)
    if new is None and old is not None:
        count = old.row_count or 0
        return TableDiff(old.schema, old.name, old.kind, "dropped", count, 0, rows_removed=count)
    assert old is not None and new is not None
    before, after = old.row_count or 0, new.row_count or 0
    recreated = (
        old.object_id is not None and new.object_id is not None and old.object_id != new.object_id
    )
    added, removed, retyped = _column_changes(old, new)
    redefined = old.definition_hash != new.definition_hash
    restructured = redefined and new.is_table
    if added or removed or retyped or (redefined and not new.is_table):
        return TableDiff(
            new.schema,
            new.name,
            new.kind,
            "altered",
            before,
            after,
            rows_added=max(0, after - before),
            rows_removed=max(0, before - after),
            recreated=recreated,
            columns_added=added,
            columns_removed=removed,
            columns_retyped=retyped,
            row_detail=False,
        )
    same_content = old.content_hash == new.content_hash and before == after
    rows_added, rows_removed, rows_changed, detail = _row_changes(old, new, same_content)
    unchanged = same_content and not recreated and not restructured
    status: Status = "unchanged" if unchanged else "changed"
    return TableDiff(
        new.schema,
        new.name,
        new.kind,
        status,
        before,
        after,
        rows_added,
        rows_removed,
        rows_changed,
        recreated=recreated,
        row_detail=detail,
        restructured=restructured,
    )


def _column_changes(
    old: ObjectFingerprint, new: ObjectFingerprint
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    olds = {c.name.lower(): c for c in old.columns}
    news = {c.name.lower(): c for c in new.columns}
    added = tuple(c.name for c in new.columns if c.name.lower() not in olds)
    removed = tuple(c.name for c in old.columns if c.name.lower() not in news)
    retyped = tuple(
        f"{c.name}: {olds[c.name.lower()].data_type} -> {c.data_type}"
        for c in new.columns
        if c.name.lower() in olds and olds[c.name.lower()].data_type != c.data_type
    )
    return added, removed, retyped


def _row_changes(
    old: ObjectFingerprint, new: ObjectFingerprint, same_content: bool
) -> tuple[int, int, int, bool]:
    """(added, removed, changed, from_row_hashes) between two versions of one table."""
    if same_content:
        return 0, 0, 0, True
    before, after = old.row_count or 0, new.row_count or 0
    if old.row_hashes is None or new.row_hashes is None:
        return max(0, after - before), max(0, before - after), 0, False
    from etlcheck.isolation.row_multisets import multiset_difference, multiset_overlap

    removed_at, added_at = multiset_difference(old.row_hashes, new.row_hashes)
    changed = 0
    if (
        old.key_hashes is not None
        and new.key_hashes is not None
        and [c.lower() for c in old.key_columns] == [c.lower() for c in new.key_columns]
    ):
        changed = multiset_overlap(old.key_hashes[removed_at], new.key_hashes[added_at])
    return len(added_at) - changed, len(removed_at) - changed, changed, True


def _sentence(table: TableDiff) -> str:
    name = table.qualified_name if table.is_table else f"{table.qualified_name} ({table.kind})"
    note = " (dropped and re-created)" if table.recreated else ""
    if table.status == "created":
        rows = f" with {_rows(table.rows_after)}" if table.is_table else ""
        return f"{name} was created{rows}"
    if table.status == "dropped":
        rows = f" (it had {_rows(table.rows_before)})" if table.is_table else ""
        return f"{name} was dropped{rows}"
    if table.status == "altered":
        changes = [f"column {c} added" for c in table.columns_added]
        changes += [f"column {c} removed" for c in table.columns_removed]
        changes += [f"column {c}" for c in table.columns_retyped]
        from etlcheck.tsql.property_store import KIND as PROPERTY  # parses T-SQL: on demand

        changed = "its value changed" if table.kind == PROPERTY else "its definition changed"
        what = ", ".join(changes) or changed
        counts = f"; {_count_change(table)}" if table.is_table else ""
        return f"{name} was altered{note}: {what}{counts}"
    if table.status == "unchanged":
        return f"{name} is unchanged" + (f" ({_rows(table.rows_after)})" if table.is_table else "")
    if not table.is_table:
        return f"{name} was dropped and re-created"
    if table.restructured:
        return f"{_row_sentence(table, name, note)}; {_RESTRUCTURED}"
    return _row_sentence(table, name, note)


_RESTRUCTURED = "its keys, indexes, constraints or defaults changed"


def _row_sentence(table: TableDiff, name: str, note: str) -> str:
    """What happened to a changed table's rows."""
    parts = []
    if table.rows_added and not (table.rows_removed or table.rows_changed):
        return f"{name} gained {_rows(table.rows_added)}{note}"
    if table.rows_removed and not (table.rows_added or table.rows_changed):
        return f"{name} lost {_rows(table.rows_removed)}{note}"
    if table.rows_added:
        parts.append(f"{_rows(table.rows_added)} added")
    if table.rows_removed:
        parts.append(f"{_rows(table.rows_removed)} removed")
    if table.rows_changed:
        parts.append(f"{_rows(table.rows_changed)} changed")
    if not parts:
        if table.recreated:
            return f"{name} was dropped and re-created with the same {_rows(table.rows_after)}"
        return f"{name} holds the same {_rows(table.rows_after)}"
    head = f"{name} was dropped and re-created:" if table.recreated else f"{name}:"
    return f"{head} {', '.join(parts)} ({_count_change(table)})"


def _rows(count: int) -> str:
    return f"{count:,} row" + ("" if count == 1 else "s")


def _count_change(table: TableDiff) -> str:
    return f"{table.rows_before:,} -> {table.rows_after:,} rows"
