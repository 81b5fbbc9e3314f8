"""axe-core, from the axe-playwright-python package (a registry package, nothing copied in)."""

from pathlib import Path

import axe_playwright_python

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    }
}


def axe_violations(page):
    """Run axe on the page as it is now; return its violations."""
    # evaluate() runs outside the page's CSP, so the strict policy stays on for the page itself.
    page.evaluate(AXE_SOURCE)
    return page.evaluate("options => axe.run(document, options)", RULES)["violations"]


def assert_accessible(page):
    violations = axe_violations(page)
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} {v['helpUrl']}\n    "
        + "\n    ".join(", ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert violations == [], f"axe found accessibility problems on {page.url}:\n{report}"
