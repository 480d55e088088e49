"""The places evaluation: overlap matching, the 161 km rule, the fixed split, a missing dataset."""

from __future__ import annotations

from newsaudit.eval.tasks import places as task
from newsaudit.eval.tasks.places import GeoDoc, Gold, Predicted, km, score_doc

DOC = GeoDoc("LGL", "1", "Rain in Springfield and Dayton, Ohio.", (
    Gold(8, 19, "Springfield", 39.92, -83.81, "United States"),
    Gold(24, 30, "Dayton", 39.76, -84.19, "United States"),
    Gold(32, 36, "Ohio", 40.25, -83.0, "United States"),
))


def test_overlap_matching_counts_each_gold_toponym_once_and_checks_the_distance():
    predicted = [Predicted(8, 19, 39.80, -89.64, "US"),  # Springfield, Illinois: found, 500 km off
                 Predicted(24, 30, 39.76, -84.19, "US"),  # Dayton: right
                 Predicted(25, 29, 39.76, -84.19, "US"),  # a second guess on the same gold span
                 Predicted(0, 4, None, None, None)]  # "Rain": no gold
    tally = score_doc(DOC, predicted, {"united states": "US"})
    assert (tally.tp, tally.fp, tally.fn) == (2, 2, 1)
    assert (tally.located, tally.within) == (2, 1)
    assert (tally.countried, tally.right_country) == (2, 2)


def test_distance_is_great_circle():
    assert 330 < km(48.8566, 2.3522, 51.5074, -0.1278) < 360  # Paris to London, about 344 km


def test_the_split_is_fixed_by_document_ids():
    ids = [GeoDoc("LGL", str(n), "", ()).held_out for n in range(400)]
    assert ids == [GeoDoc("LGL", str(n), "", ()).held_out for n in range(400)]
    assert 60 < sum(ids) < 140  # about a quarter held out


def test_a_missing_dataset_is_reported_missing_not_zero(tmp_path):
    [result] = task.run(tmp_path, None)
    assert result.status == "missing" and not result.rows
