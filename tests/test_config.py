from pathlib import Path

import pytest

from briefing import config
from briefing.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_sample_configuration_is_valid_and_reads_seeds():
    cfg = config.load(ROOT / "config.yaml")
    assert [s.kind for s in cfg.sources] == ["path"]
    assert Path(cfg.sources[0].target) == ROOT / "seeds"
    assert cfg.email.smtp.port == 8025
    assert cfg.email.from_ == "briefs@example.org"
    assert cfg.resolve(cfg.output.dir) == ROOT / "briefs"


def test_defaults_apply_to_missing_keys():
    cfg = config.parse({"title": "X"})
    assert cfg.title == "X"
    assert cfg.summary.words == 250
    assert cfg.output.formats == ["pdf"]
    assert cfg.email.smtp.security == "none"


def test_every_problem_reported_at_once_with_its_key_path():
    data = {
        "output": {"dir": 3, "formats": ["pdf", "docx"]},
        "colour": "blue",
        "email": {"smtp": {"port": "x", "security": "tls"}},
        "sources": [{"path": "a", "url": "b"}, {"feed": "f", "limit": "ten"}],
        "timezone": "Mars/Olympus",
    }
    with pytest.raises(ConfigError) as info:
        config.parse(data)
    problems = info.value.problems
    assert "output.dir: expected a string" in problems
    assert any(p.startswith("output.formats: unknown format 'docx'") for p in problems)
    assert "colour: unknown key" in problems
    assert "email.smtp.port: expected an integer" in problems
    assert "email.smtp.security: expected one of none, starttls, ssl" in problems
    assert "sources[0]: needs exactly one of path, url or feed" in problems
    assert "sources[1].limit: expected an integer" in problems
    assert any(p.startswith("timezone: unknown time zone") for p in problems)
    assert "\n" not in str(info.value)


def test_password_is_named_by_environment_variable_not_stored():
    with pytest.raises(ConfigError) as info:
        config.parse({"email": {"smtp": {"password_env": "hunter2!"}}})
    assert "email.smtp.password_env: expected the NAME of an environment variable" in info.value.problems


def test_malformed_yaml_is_one_line_with_the_line_number(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("sources:\n  - path: [unclosed\n")
    with pytest.raises(ConfigError) as info:
        config.load(bad)
    message = str(info.value)
    assert "invalid YAML" in message and "line" in message and "\n" not in message


def test_relative_paths_resolve_against_the_configuration_folder(tmp_path):
    (tmp_path / "c.yaml").write_text("sources:\n  - path: news\n  - feed: https://example.org/rss\noutput:\n  dir: out\n")
    cfg = config.load(tmp_path / "c.yaml")
    assert cfg.sources[0].target == str(tmp_path / "news")
    assert cfg.sources[1].target == "https://example.org/rss"
    assert cfg.resolve(cfg.output.dir) == tmp_path / "out"


def test_reference_lists_every_key_with_a_doc():
    rows = config.reference()
    keys = {k for k, _, _ in rows}
    assert {"output.dir", "email.smtp.host", "state.path", "sources"} <= keys
    assert all(doc for _, _, doc in rows)


def test_at_least_one_output_format():
    with pytest.raises(ConfigError) as info:
        config.parse({"output": {"formats": []}})
    assert info.value.problems == ["output.formats: expected at least one of pdf, html, json, md"]
    assert config.parse({"email": {"attach": []}}).email.attach == []


def test_every_section_is_typed_with_exactly_the_schemas_keys():
    import dataclasses

    from briefing import config as cfg

    parsed = cfg.parse({})

    def check(schema: dict, section: object, where: str) -> None:
        names = {f.name for f in dataclasses.fields(section)}
        keys = {("from_" if k == "from" else k) for k in schema}
        assert names == keys, where
        for key, spec in schema.items():
            if isinstance(spec, dict):
                check(spec, getattr(section, key), f"{where}.{key}")

    for name, spec in cfg.SCHEMA.items():
        if isinstance(spec, dict):
            check(spec, getattr(parsed, name), name)
    assert parsed.email.smtp.port == 25 and parsed.email.from_ is None and parsed.output.formats == ["pdf"]
