"""An action cell's and a milestone cell's details, as councils and wsoagen write them under the words."""

from __future__ import annotations

from wsoagen.importer.cells import action_cell, milestone_cell


def person(entry: str) -> str:
    return entry.split(" (")[0].lower().replace(" ", "-")


def test_action_cell_details():
    text = ("Agree a transitions protocol\n\n- with every provider\n- with the parent carer forum\n\nDue: March 2024\n\n"
            "Lead: Ann Other (Head of SEN)\n\nResponsible officers: Bob Smith; Cy Dee (DCO)\n\nSenior responsible officer: Di Eve\n\n"
            "Success criteria\n\n- Protocol signed by all partners\n- Audit shows it used\n\nProgress updates\n\n"
            "January 2024 (Ann Other), Green: Draft shared with providers.\n\nWhere we are: nowhere yet")
    fields, other = action_cell(text, person)
    assert fields == {"text": "Agree a transitions protocol\n\n- with every provider\n- with the parent carer forum", "due": "March 2024",
                      "lead": "ann-other", "officers": ["bob-smith", "cy-dee"], "sro": "di-eve",
                      "success_criteria": ["Protocol signed by all partners", "Audit shows it used"],
                      "updates": [{"date": "January 2024", "text": "Draft shared with providers.", "status": "Green"}]}
    assert other == [("Where we are", "nowhere yet")]


def test_milestone_cell_updates():
    assert milestone_cell("Baseline recorded\n\nJanuary 2020: Workshops under way.\n\n16 December 2019: Mapping done.") == {
        "text": "Baseline recorded", "updates": [{"date": "January 2020", "text": "Workshops under way."},
                                                {"date": "16 December 2019", "text": "Mapping done."}]}
    assert milestone_cell("Report to the board: quarterly") == {"text": "Report to the board: quarterly"}
