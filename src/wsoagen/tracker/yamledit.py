"""Write changes into a workstream file as a round-trip edit: the file's text and changes in, its new text out.

ruamel.yaml's round trip keeps comments, key order and quotes; the layout is `wsoagen fmt`'s
(`wsoagen.plan.fmt`: its YAML settings, preamble and file end), so `wsoagen fmt --check` passes
and, in a file already in that layout, only the lines that changed differ. The new text must keep
every comment, else the file is left alone. New keys go where people write them: `status` and `status_date` after `deadline`, `updates` last.

One ruamel habit needs undoing: the comment lines after a mapping (above the next milestone, say)
belong to its last key, so a key added after that one would land under them. They are moved to
whatever is last after the edit. `EditError` says why a file could not be edited safely.
"""

from __future__ import annotations

import difflib
import io
import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from wsoagen.plan.fmt import layout_yaml, split_preamble, tidy_end
from wsoagen.tracker.apply import Change

BLOCK = (LiteralScalarString, FoldedScalarString)


class EditError(Exception):
    """The file cannot be edited without risk (a layout fmt refuses, a comment that would be lost)."""


def edit(text: str, changes: list[Change], display: str) -> tuple[str, bool]:
    """(the new text, whether the file was in the standard layout before). Raises EditError.

    One ruamel parse and one dump in fmt's layout: `format_text` would parse three more times per
    file, which made importing the example's tracker take seconds. No read-back is needed: the
    edit adds only fresh scalars and mappings (no anchors, no repeated keys) whose words `apply`
    has checked (statuses from the scheme, dates the plan reads, Markdown without control
    characters); the tests validate every plan they import into.
    """
    preamble, body = split_preamble(text.replace("\r\n", "\n"))
    if body is None:
        raise EditError(f"{display}: content on the `---` line: move it to the next line, then import again")
    yaml = layout_yaml()
    data = yaml.load(body)
    for change in changes:
        milestone = _milestone(data, change.row.path)
        tail = _detach_tail(milestone)
        _apply(milestone, change)
        _attach_tail(milestone, tail)
    new = preamble + tidy_end(_dump(yaml, data))
    lost = _comments(text) - _comments(new)
    if lost:
        raise EditError(f"{display}: the edit would lose the comment {sorted(lost)[0]!r} (please report this); the file is left as it is")
    return new, _only_edited(text, new)


def _only_edited(old: str, new: str) -> bool:
    """Did the dump leave every line alone but the status lines it changed (the file was in fmt's layout)?"""
    matcher = difflib.SequenceMatcher(None, old.split("\n"), new.split("\n"), autojunk=False)
    old_lines = old.split("\n")
    return all(_EDITED.match(line) for tag, i1, i2, _, _ in matcher.get_opcodes() if tag in ("replace", "delete")
               for line in old_lines[i1:i2])


_EDITED = re.compile(r"^\s*(status|status_date):")


def _dump(yaml: Any, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _milestone(data: Any, path: tuple[int, int, int]) -> CommentedMap:
    """The milestone at the model's (outcome, action, milestone) indexes: validation holds actions
    written directly under the area in one more outcome after the file's own."""
    oi, ai, mi = path
    outcomes = data.get("outcomes") or []
    action = outcomes[oi]["actions"][ai] if oi < len(outcomes) else data["actions"][ai]
    return action["milestones"][mi]


def _apply(milestone: CommentedMap, change: Change) -> None:
    old = milestone.get("status")
    # A status written as its label ("Blue", as the README shows) is replaced by a label; else ids, as `wsoagen new` writes.
    word = change.label if isinstance(old, str) and old != old.lower() and change.label else change.update_status
    if change.status is not None:
        _set_after(milestone, "status", word, ("deadline", "text"))
        _set_after(milestone, "status_date", change.date, ("status",))
    if change.update is not None:
        entry = CommentedMap()
        entry["date"] = change.date
        entry["text"] = _scalar(change.update)
        if change.update_status:
            entry["status"] = word
        if change.by:
            entry["by"] = change.by
        updates = milestone.get("updates")
        if not isinstance(updates, CommentedSeq):
            updates = CommentedSeq()
            milestone["updates"] = updates
        updates.append(entry)


def _set_after(mapping: CommentedMap, key: str, value: Any, after: tuple[str, ...]) -> None:
    """Set `key`; a new key goes right after the first of `after` that the mapping has."""
    if key in mapping:
        mapping[key] = value
        return
    keys = list(mapping.keys())
    place = next((keys.index(k) + 1 for k in after if k in mapping), len(keys))
    mapping.insert(place, key, value)


def _scalar(text: str) -> str:
    """Text of several lines as a `|` block, as people write Markdown in plan files; one line as it is."""
    return LiteralScalarString(text + "\n") if "\n" in text else text


# ---------------------------------------------------------------- comments after the last key


def _last(node: Any) -> tuple[CommentedMap, Any] | None:
    """The mapping and key whose comment slot holds what follows `node` in the file."""
    while True:
        if isinstance(node, CommentedMap) and node:
            key = list(node.keys())[-1]
            value = node[key]
            if isinstance(value, (CommentedMap, CommentedSeq)) and value:
                node = value
                continue
            return node, key
        if isinstance(node, CommentedSeq) and node and isinstance(node[-1], (CommentedMap, CommentedSeq)):
            node = node[-1]
            continue
        return None


def _detach_tail(node: Any) -> str:
    """Take the whole comment lines that follow `node` off its last key; the key's own end-of-line comment stays."""
    found = _last(node)
    if found is None:
        return ""
    mapping, key = found
    slot = mapping.ca.items.get(key)
    token = slot[2] if slot and len(slot) > 2 else None
    if token is None:
        return ""
    value = token.value
    if isinstance(mapping[key], BLOCK):  # a block scalar ate the line end: all is tail, its first line indented by the mark
        head, tail = "", " " * token.start_mark.column + value
    else:
        cut = value.find("\n") + 1
        head, tail = value[:cut], value[cut:]
    if not tail:
        return ""
    if head.strip():
        token.value = head
    else:
        slot[2] = None
    return tail


def _attach_tail(node: Any, tail: str) -> None:
    if not tail:
        return
    found = _last(node)
    if found is None:
        return
    mapping, key = found
    slot = mapping.ca.items.setdefault(key, [None, None, None, None])
    if slot[2] is not None:
        slot[2].value += tail
    else:
        prefix = "" if isinstance(mapping[key], BLOCK) else "\n"
        slot[2] = CommentToken(prefix + tail, CommentMark(0), None)


_COMMENT = re.compile(r"(?:^|[ \t])(#.*)$")


def _comments(text: str) -> set[str]:
    """Every comment (or text after a ` #`) in a file, to check that none is lost."""
    return {m.group(1).rstrip() for line in text.split("\n") if (m := _COMMENT.search(line))}
