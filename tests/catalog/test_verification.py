"""Every resource carries a record of how its existence was checked (verification.yaml).

The project rule: only resources we are sure exist, under their real names, at the
provider's own address. A resource without a record, or with status `unverified`, fails.
"""

import yaml

from careerpath.catalog import Catalog

HERE = Catalog.load.__globals__["_HERE"]
STATUSES = {"verified", "corrected", "well-known", "unverified"}


def records() -> list[dict]:
    return yaml.safe_load((HERE / "verification.yaml").read_text(encoding="utf-8"))


def test_records_are_well_formed():
    for rec in records():
        assert set(rec) == {"id", "status", "evidence"}, rec
        assert rec["status"] in STATUSES, rec
        assert isinstance(rec["evidence"], str) and len(rec["evidence"]) >= 20, rec["id"]


def test_one_record_per_resource(catalog):
    ids = [rec["id"] for rec in records()]
    assert len(ids) == len(set(ids)), "duplicate verification records"
    resource_ids = {r.id for r in catalog.resources}
    assert set(ids) - resource_ids == set(), "records for resources that no longer exist"
    assert resource_ids - set(ids) == set(), "resources without a verification record"


def test_nothing_unverified():
    unverified = sorted(rec["id"] for rec in records() if rec["status"] == "unverified")
    assert unverified == []


def test_looked_up_records_cite_what_was_found():
    # A 'verified' or 'corrected' verdict came from a search look-up: it names an address.
    for rec in records():
        if rec["status"] in ("verified", "corrected"):
            assert "http" in rec["evidence"] or "/" in rec["evidence"], rec["id"]


def test_corrected_records_name_the_address_now_in_the_catalog(catalog):
    # A correction's evidence shows the real address; resources.yaml must carry that one.
    for rec in records():
        if rec["status"] == "corrected":
            url = catalog.resource(rec["id"]).url.rstrip("/")
            assert url in rec["evidence"], rec["id"]
