"""Open data is checked before anything is written: documents.json and every record against
schema.json, feed.xml as XML. A conversion whose data would not validate stops with an error
naming the file and the record, rather than publishing data that fails its own schema."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from jsonschema import Draft202012Validator

from gazette.errors import GazetteError
from gazette.site.opendata import SCHEMA

_VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_open_data(files: dict[str, str | bytes]) -> None:
    """Raise :class:`GazetteError` unless documents.json validates and feed.xml is well-formed XML."""
    path = "data/documents.json"
    documents = json.loads(files[path])
    error = next(iter(sorted(_VALIDATOR.iter_errors(documents), key=lambda e: list(e.absolute_path))), None)
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(根)"
        record = _record_of(documents, error.absolute_path)
        raise GazetteError(f"docs/{path}", f"不符合 schema.json：{where}：{error.message}{record}；未写入任何文件")
    try:
        ET.fromstring(files["feed.xml"])
    except ET.ParseError as exc:
        raise GazetteError("docs/feed.xml", f"不是格式正确的 XML（{exc}）；未写入任何文件") from None


def _record_of(documents: dict, path) -> str:
    parts = list(path)
    if len(parts) >= 2 and parts[0] == "documents" and isinstance(parts[1], int):
        record = documents["documents"][parts[1]]
        return f"（{record.get('url')}，「{record.get('title')}」）"
    return ""
