"""The Excel tracker action leads fill in: `wsoagen tracker export` and `wsoagen tracker import`.

layout.py   what the workbook holds: its sheets, columns, the hidden row keys and the milestone rows of a plan
export.py   plan -> workbook bytes (openpyxl; byte-identical for the same plan)
read.py     workbook file -> the entries leads filled in, each with its cell, or problems at their cells
apply.py    entries + plan -> the changes per workstream file, conflicts and bad cells as problems
yamledit.py changes -> the workstream files' new text, as a round-trip edit in the standard layout
problems.py the tracker's diagnostics: `tracker.xlsx:Workstream 2!H14: error: message [rule-id]`
"""
