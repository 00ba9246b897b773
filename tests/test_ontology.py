"""The CAMEO table: complete, 1.1b3 (not 0.5b1) Goldstein values, GDELT quad classes, PLOVER mapping."""
import csv
from pathlib import Path

import pytest

from casus.knowledge.ontology import Ontology

SHARED = Path("/work/shared")


@pytest.fixture(scope="module")
def ontology():
    return Ontology.load()


def test_all_codes_and_roots(ontology):
    assert len(ontology) == 311
    assert ontology.roots() == [f"{i:02d}" for i in range(1, 21)]
    for code in ontology.codes.values():
        assert code.code.startswith(code.root) and code.root in ontology
        assert -10.0 <= code.goldstein <= 10.0
        expected_quad = 1 if code.root <= "05" else 2 if code.root <= "09" else 3 if code.root <= "14" else 4
        assert code.quad_class == expected_quad, code


@pytest.mark.skipif(not (SHARED / "cameo").is_dir(), reason="shared reference data not mounted")
def test_goldstein_is_the_1_1b3_scale_not_0_5b1(ontology):
    with open(SHARED / "cameo/cameo_1.1b3_codes_goldstein.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    shifted = [r for r in rows if r["goldstein_parus_0.5b1_same_code"] not in ("", r["goldstein_gdelt"])]
    assert shifted, "the reference should contain codes whose 0.5b1 value differs"
    for r in rows:
        assert ontology[r["cameo_code"]].goldstein == float(r["goldstein_gdelt"])


def test_plover_mapping_inherits_from_parent_and_drops_statements(ontology):
    assert ontology["010"].plover == {"type": None, "mode": None}
    assert ontology["0211"].plover_type is None  # appeals are dropped by PLOVER
    assert ontology["195"].plover_type == "ASSAULT"
    assert ontology["1384"].plover_type == "THREATEN"
    typed = [c for c in ontology.codes.values() if c.root not in ("01", "02")]
    assert all(c.plover_type for c in typed)


def test_unknown_code_is_a_clear_error(ontology):
    with pytest.raises(KeyError, match="not a CAMEO"):
        ontology["999"]
