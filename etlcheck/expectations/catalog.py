"""The expectation types Great Expectations 1.x registers, and the kwargs each accepts.

Suites are checked against this table before anything runs, so a misspelled type or
kwarg is one clear line (exit 2) and importing GX (two seconds or more) waits for the
database to be seeded. ``tests/expectations/test_catalog.py`` compares the table with
the installed GX's own registry, so an upgrade that adds or renames a type fails there
and prints the table to paste here.

Each entry: (required kwargs, optional kwargs), space-separated.
"""

from __future__ import annotations

COMMON_KWARGS = frozenset(
    {"result_format", "catch_exceptions", "batch_id", "windows", "description"}
)
"""Kwargs every expectation accepts (GX's base fields that may sit in ``kwargs``)."""

EXPECTATION_FIELDS = frozenset(
    {
        "type",
        "kwargs",
        "meta",
        "notes",
        "description",
        "severity",
        "id",
        "rendered_content",
        "success_on_last_run",
        "expectation_context",
    }
)
"""Keys an expectation object may carry beside ``type`` and ``kwargs``."""

SUITE_FIELDS = frozenset({"name", "id", "expectations", "meta", "notes", "suite_parameters"})
"""Top-level keys of an ExpectationSuite document."""

KNOWN_TYPES: dict[str, tuple[str, str]] = {
    "expect_column_distinct_values_to_be_in_set": (
        "column value_set",
        "condition_parser row_condition",
    ),
    "expect_column_distinct_values_to_contain_set": (
        "column value_set",
        "condition_parser row_condition",
    ),
    "expect_column_distinct_values_to_equal_set": (
        "column value_set",
        "condition_parser row_condition",
    ),
    "expect_column_kl_divergence_to_be_less_than": (
        "column",
        "bucketize_data condition_parser internal_weight_holdout max_value min_value "
        "partition_object row_condition tail_weight_holdout threshold",
    ),
    "expect_column_max_to_be_between": (
        "column",
        "condition_parser max_value min_value row_condition strict_max strict_min",
    ),
    "expect_column_mean_to_be_between": (
        "column",
        "condition_parser max_value min_value row_condition strict_max strict_min",
    ),
    "expect_column_median_to_be_between": (
        "column",
        "condition_parser max_value min_value row_condition strict_max strict_min",
    ),
    "expect_column_min_to_be_between": (
        "column",
        "condition_parser max_value min_value row_condition strict_max strict_min",
    ),
    "expect_column_most_common_value_to_be_in_set": (
        "column value_set",
        "condition_parser row_condition ties_okay",
    ),
    "expect_column_pair_values_a_to_be_greater_than_b": (
        "column_A column_B",
        "condition_parser ignore_row_if mostly or_equal row_condition",
    ),
    "expect_column_pair_values_to_be_equal": (
        "column_A column_B",
        "condition_parser ignore_row_if mostly row_condition",
    ),
    "expect_column_pair_values_to_be_in_set": (
        "column_A column_B value_pairs_set",
        "condition_parser ignore_row_if mostly row_condition",
    ),
    "expect_column_proportion_of_non_null_values_to_be_between": (
        "column",
        "condition_parser library_metadata max_value min_value row_condition strict_max strict_min",
    ),
    "expect_column_proportion_of_unique_values_to_be_between": (
        "column",
        "condition_parser library_metadata max_value min_value row_condition strict_max strict_min",
    ),
    "expect_column_quantile_values_to_be_between": (
        "column quantile_ranges",
        "allow_relative_error condition_parser row_condition",
    ),
    "expect_column_stdev_to_be_between": (
        "column",
        "condition_parser max_value min_value row_condition strict_max strict_min",
    ),
    "expect_column_sum_to_be_between": (
        "column",
        "condition_parser max_value min_value row_condition strict_max strict_min",
    ),
    "expect_column_to_exist": ("column", "column_index"),
    "expect_column_type_to_be": ("column type_", ""),
    "expect_column_unique_value_count_to_be_between": (
        "column",
        "condition_parser library_metadata max_value min_value row_condition strict_max strict_min",
    ),
    "expect_column_value_lengths_to_be_between": (
        "column",
        "condition_parser max_value min_value mostly row_condition strict_max strict_min",
    ),
    "expect_column_value_lengths_to_equal": (
        "column value",
        "condition_parser mostly row_condition",
    ),
    "expect_column_value_z_scores_to_be_less_than": (
        "column double_sided threshold",
        "condition_parser mostly row_condition",
    ),
    "expect_column_values_to_be_between": (
        "column",
        "condition_parser max_value min_value mostly row_condition strict_max strict_min",
    ),
    "expect_column_values_to_be_dateutil_parseable": (
        "column",
        "condition_parser library_metadata mostly row_condition",
    ),
    "expect_column_values_to_be_decreasing": (
        "column",
        "condition_parser library_metadata mostly row_condition strictly",
    ),
    "expect_column_values_to_be_in_set": (
        "column value_set",
        "condition_parser mostly row_condition",
    ),
    "expect_column_values_to_be_in_type_list": (
        "column",
        "condition_parser mostly row_condition type_list",
    ),
    "expect_column_values_to_be_increasing": (
        "column",
        "condition_parser library_metadata mostly row_condition strictly",
    ),
    "expect_column_values_to_be_json_parseable": (
        "column",
        "condition_parser library_metadata mostly row_condition",
    ),
    "expect_column_values_to_be_null": ("column", "condition_parser mostly row_condition"),
    "expect_column_values_to_be_of_type": ("column type_", "condition_parser mostly row_condition"),
    "expect_column_values_to_be_unique": ("column", "condition_parser mostly row_condition"),
    "expect_column_values_to_match_json_schema": (
        "column json_schema",
        "condition_parser library_metadata mostly row_condition",
    ),
    "expect_column_values_to_match_like_pattern": (
        "column like_pattern",
        "condition_parser escape mostly row_condition",
    ),
    "expect_column_values_to_match_like_pattern_list": (
        "column like_pattern_list",
        "condition_parser escape match_on mostly row_condition",
    ),
    "expect_column_values_to_match_regex": (
        "column",
        "condition_parser mostly regex row_condition",
    ),
    "expect_column_values_to_match_regex_list": (
        "column regex_list",
        "condition_parser match_on mostly row_condition",
    ),
    "expect_column_values_to_match_strftime_format": (
        "column strftime_format",
        "condition_parser mostly row_condition",
    ),
    "expect_column_values_to_not_be_in_set": (
        "column value_set",
        "condition_parser mostly row_condition",
    ),
    "expect_column_values_to_not_be_null": ("column", "condition_parser mostly row_condition"),
    "expect_column_values_to_not_be_outliers": (
        "column",
        "condition_parser method mostly multiplier row_condition",
    ),
    "expect_column_values_to_not_match_like_pattern": (
        "column like_pattern",
        "condition_parser escape mostly row_condition",
    ),
    "expect_column_values_to_not_match_like_pattern_list": (
        "column like_pattern_list",
        "condition_parser escape mostly row_condition",
    ),
    "expect_column_values_to_not_match_regex": (
        "column regex",
        "condition_parser mostly row_condition",
    ),
    "expect_column_values_to_not_match_regex_list": (
        "column regex_list",
        "condition_parser mostly row_condition",
    ),
    "expect_compound_columns_to_be_unique": (
        "column_list",
        "condition_parser ignore_row_if mostly row_condition",
    ),
    "expect_multicolumn_sum_to_equal": (
        "column_list sum_total",
        "condition_parser ignore_row_if mostly row_condition",
    ),
    "expect_multicolumn_values_to_be_equal": (
        "column_list",
        "condition_parser ignore_row_if mostly row_condition",
    ),
    "expect_query_results_to_match_comparison": (
        "base_query comparison_data_source_name comparison_query",
        "mostly",
    ),
    "expect_select_column_values_to_be_unique_within_record": (
        "column_list",
        "condition_parser ignore_row_if mostly row_condition",
    ),
    "expect_table_column_count_to_be_between": ("", "max_value min_value"),
    "expect_table_column_count_to_equal": ("value", ""),
    "expect_table_columns_to_match_ordered_list": ("", "column_list"),
    "expect_table_columns_to_match_set": ("", "column_set exact_match"),
    "expect_table_row_count_to_be_between": (
        "",
        "condition_parser max_value min_value row_condition strict_max strict_min",
    ),
    "expect_table_row_count_to_equal": ("value", "condition_parser row_condition"),
    "expect_table_row_count_to_equal_other_table": (
        "other_table_name",
        "condition_parser row_condition",
    ),
    "unexpected_rows_expectation": ("unexpected_rows_query", ""),
}


def known_kwargs(expectation_type: str) -> frozenset[str]:
    """Every kwarg ``expectation_type`` accepts."""
    required, optional = KNOWN_TYPES[expectation_type]
    return frozenset(required.split()) | frozenset(optional.split()) | COMMON_KWARGS


def required_kwargs(expectation_type: str) -> tuple[str, ...]:
    return tuple(KNOWN_TYPES[expectation_type][0].split())
