"""The voter flow state machine, without widgets."""

from __future__ import annotations

import dataclasses

import pytest

from ballot.manifest import load_manifest
from ballot.samples import sample_manifest
from kiosk.flow import TRANSITIONS, AssignedDistrictMissing, InvalidTransition, State, VoterFlow


def test_transitions_and_reset() -> None:
    flow = VoterFlow(load_manifest(sample_manifest("taipei-daan")))
    assert flow.state is State.WELCOME and flow.language == "zh-TW"
    with pytest.raises(InvalidTransition):
        flow.go(State.REVIEW)
    with pytest.raises(InvalidTransition):
        flow.go(State.BALLOT)  # no district yet
    flow.start()
    assert flow.state is State.DISTRICT
    flow.choose_district("south")
    assert flow.toggle_pick("s01") is None
    flow.set_language("en")
    flow.set_text_size(2)
    flow.set_high_contrast(True)
    assert flow.review() == []
    flow.go(State.PENDING)
    flow.reset()
    assert (flow.state, flow.language, flow.district_id, flow.selection, flow.text_size, flow.high_contrast) == (
        State.WELCOME, "zh-TW", None, None, 0, False)
    assert all(State.WELCOME in targets or state is State.WELCOME for state, targets in TRANSITIONS.items())


def test_single_district_skips_choice_and_review_needs_min() -> None:
    flow = VoterFlow(load_manifest(sample_manifest("riverside-knapsack")))
    flow.start()
    assert flow.state is State.BALLOT
    problems = flow.review()
    assert [p.code for p in problems] == ["too_few"] and flow.state is State.BALLOT


def test_an_assigned_district_is_never_chosen() -> None:
    """district_choice = "assigned": the kiosk serves the district officials named; residents go straight to it."""
    resident = load_manifest(sample_manifest("taipei-daan"))
    assigned = dataclasses.replace(resident, district_choice="assigned")
    with pytest.raises(AssignedDistrictMissing, match=r"--district ID .*north, south"):
        VoterFlow(assigned)
    with pytest.raises(AssignedDistrictMissing, match="no district 'east'"):
        VoterFlow(assigned, district="east")
    with pytest.raises(AssignedDistrictMissing, match="lets residents choose"):
        VoterFlow(resident, district="south")
    flow = VoterFlow(assigned, district="south")
    assert not flow.chooses_district
    flow.start()
    assert (flow.state, flow.district_id) == (State.BALLOT, "south")
    with pytest.raises(InvalidTransition, match="serves district south"):
        flow.choose_district("north")
    flow.back()
    assert flow.state is State.WELCOME  # no district screen on the way back either
    single = VoterFlow(load_manifest(sample_manifest("school-points")))
    single.start()
    assert (single.state, single.district_id) == (State.BALLOT, "campus")
    chooser = VoterFlow(resident)
    chooser.start()
    assert chooser.state is State.DISTRICT and chooser.chooses_district
