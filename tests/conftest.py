"""Shared fixtures: the sample issue, parsed and converted once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SAMPLE = ROOT / "gazettes" / "2019-02.txt"
SHARED_SAMPLE = ROOT.parent / "shared" / "samples" / "2019-02.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files from the current output (review the diff!)")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def sample():
    from gazette.parse import parse_file

    return parse_file(str(SAMPLE))


@pytest.fixture(scope="session")
def conversion():
    from gazette.build.convert import convert

    return convert([str(SAMPLE)])


@pytest.fixture(scope="session")
def sample_documents(sample):
    return {document.number or document.slug: document for document in sample.documents}


def pytest_collection_modifyitems(config, items):
    """Lanes: every test under tests/browser drives Chromium over a built site (``browser`` and ``build``);
    ``make test-fast`` leaves both out."""
    for item in items:
        if "browser" in item.path.parent.parts[-1:]:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.build)
