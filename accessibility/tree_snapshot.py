"""A page as a screen reader gets it, as reviewable text: landmarks, headings and controls.

Read from Chrome's accessibility tree (DevTools `Accessibility.getFullAXTree`): ignored nodes are
left out with their children lifted to the nearest kept ancestor; what remains is one indented
line per node, `role "name"` and the states a screen reader announces (`level=2`, `required`…).
"""

import json
import re

LANDMARK_ROLES = {
    "banner",
    "complementary",
    "contentinfo",
    "form",
    "main",
    "navigation",
    "region",
    "search",
}
CONTROL_ROLES = {
    "button",
    "checkbox",
    "combobox",
    "DisclosureTriangle",
    "link",
    "listbox",
    "menuitem",
    "radio",
    "searchbox",
    "slider",
    "spinbutton",
    "switch",
    "tab",
    "textbox",
}
KEPT_ROLES = LANDMARK_ROLES | CONTROL_ROLES | {"heading", "RootWebArea"}
# The states worth a line, in this order; shown when present and not false. (Chrome's tree does
# not give aria-current.)
STATES = ("level", "required", "invalid", "checked", "expanded", "disabled")


def accessibility_tree_snapshot(driver, volatile=()):
    """The loaded page's snapshot text; `volatile` is a list of (compiled regex, replacement)
    applied to names that change between runs (a view count, say)."""
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    return snapshot_text(nodes, volatile)


def snapshot_text(nodes, volatile=()):
    by_id = {node["nodeId"]: node for node in nodes}
    children_of = {node["nodeId"]: node.get("childIds", []) for node in nodes}
    child_ids = {child for children in children_of.values() for child in children}
    roots = [node for node in nodes if node["nodeId"] not in child_ids]
    lines = []

    def visit(node, depth):
        kept = _is_kept(node)
        if kept:
            lines.append("  " * depth + _line(node, volatile))
        for child_id in children_of.get(node["nodeId"], []):
            if child_id in by_id:
                visit(by_id[child_id], depth + 1 if kept else depth)

    for root in roots:
        visit(root, 0)
    return "\n".join(lines) + "\n"


def _is_kept(node):
    if node.get("ignored"):
        return False
    role = _value(node.get("role"))
    if role in ("region", "form"):  # Landmarks only when named, as screen readers list them.
        return bool(_name(node))
    return role in KEPT_ROLES


def _line(node, volatile):
    role = _value(node.get("role"))
    name = _name(node)
    for pattern, replacement in volatile:
        name = pattern.sub(replacement, name)
    line = f"{role} {json.dumps(name, ensure_ascii=False)}"
    states = {item["name"]: _value(item.get("value")) for item in node.get("properties", [])}
    for state in STATES:
        value = states.get(state)
        if value in (None, False, "false", ""):
            continue
        line += f" {state}" if value is True or value == "true" else f" {state}={value}"
    return line


def _name(node):
    return re.sub(r"\s+", " ", str(_value(node.get("name")) or "")).strip()


def _value(holder):
    return holder.get("value") if isinstance(holder, dict) else None
