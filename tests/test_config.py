"""Settings in config.toml: defaults, hand edits, mistakes reported in one line, safe saves."""

import tomllib

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from daicho.config import Config, ConfigError, load_config, save_config
from daicho.data.mail.sender import Sender
from daicho.locations import config_path
from daicho.toml_lines import line_of


@pytest.fixture
def path(tmp_path):
    return tmp_path / "daicho" / "config.toml"


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _error(path, text):
    with pytest.raises(ConfigError) as raised:
        load_config(_write(path, text))
    return str(raised.value)


def test_without_a_file_every_setting_has_its_default(path):
    config = load_config(path)
    assert config == Config()
    assert (config.language, config.theme, config.soon_days) == ("auto", "textual-dark", 3)
    assert (config.backup_keep, config.backup_enabled, config.templates) == (14, True, {})
    assert (config.soon_business_days, config.date_style) == (True, "short")
    assert config.closed_days == ["12/29-01/03"]


def test_the_default_file_is_the_one_in_locations():
    _write(config_path(), "soon_days = 5\n")
    assert load_config().soon_days == 5


def test_values_written_by_hand_are_read(path):
    _write(
        path,
        'language = "ja"\ntheme = "nord"\nsoon_days = 0\n'
        "[backup]\nkeep = 30\nenabled = false\n"
        '[templates]\ncall = """\n件名: {subject}\n\n{body}\n"""\n',
    )
    assert load_config(path) == Config(
        language="ja",
        theme="nord",
        soon_days=0,
        backup_keep=30,
        backup_enabled=False,
        templates={"call": "件名: {subject}\n\n{body}\n"},
    )


def test_a_file_with_only_some_keys_keeps_the_other_defaults(path):
    _write(path, "[backup]\nenabled = false\n")
    assert load_config(path) == Config(backup_enabled=False)


def test_auto_language_follows_the_locale(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert Config().resolved_language() == "ja"
    assert Config(language="en").resolved_language() == "en"


def test_changing_a_setting_keeps_keys_the_app_does_not_know(path):
    _write(
        path,
        'editor = "vim"\ntheme = "nord"\n'
        '[backup]\nkeep = 7\nplace = "/mnt/nas"\n'
        '[plugins.weather]\ncity = "Osaka"\n',
    )
    save_config(load_config(path).replace(theme="gruvbox", backup_keep=10), path)

    written = tomllib.loads(path.read_text(encoding="utf-8"))
    assert written["editor"] == "vim"
    assert written["backup"] == {"keep": 10, "place": "/mnt/nas"}  # `enabled`: as by default
    assert written["plugins"] == {"weather": {"city": "Osaka"}}
    assert "ledger" not in written and "soon_days" not in written
    reloaded = load_config(path)
    assert (reloaded.theme, reloaded.backup_keep) == ("gruvbox", 10)


def test_templates_are_saved_as_the_user_wrote_them(path):
    text = "お世話になっております。\n{vendor} の件です。\n"
    save_config(Config(templates={"依頼": text, "short": "Re: {subject}"}), path)
    assert load_config(path).templates == {"依頼": text, "short": "Re: {subject}"}
    assert "お世話になっております。\n" in path.read_text(encoding="utf-8")


def test_a_syntax_error_names_the_file_and_line_in_one_line(path):
    message = _error(path, 'language = "en"\n\nsoon_days = = 3\n')
    assert message.startswith(f"{path}, line 3: ")
    assert "\n" not in message
    assert "column" not in message


def test_an_unfinished_file_points_at_its_last_line(path):
    message = _error(path, 'theme = "nord"\n[templates]\ncall = """\nDear {name}\n\n')
    assert message.startswith(f"{path}, line 4: ")


@pytest.mark.parametrize(
    "text, line, expected",
    [
        ('soon_days = "three"', 1, "soon_days must be a whole number of 0 or more"),
        ("soon_days = -1", 1, "soon_days must be a whole number of 0 or more"),
        ("soon_days = true", 1, "soon_days must be a whole number of 0 or more"),
        ('language = "fr"', 1, 'language must be "auto", "en" or "ja"'),
        ("theme = 3", 1, "theme must be text"),
        ("[backup]\nkeep = 0", 2, "backup.keep must be a positive whole number"),
        ('[backup]\nkeep = 3\nenabled = "yes"', 3, "backup.enabled must be true or false"),
        ("backup = 14", 1, "backup must be a table"),
        ('templates = "Dear {name}"', 1, "templates must be a table"),
        ('[templates]\nnote = """\nkeep = 0\n"""\ncall = 3', 5, "templates.call must be text"),
        ('[templates]\nnote = """a""""\ncall = 3', 3, "templates.call must be text"),
        ("[templates]\nnote = '''b'''''\ncall = 3", 3, "templates.call must be text"),
        ("soon_business_days = 1", 1, "soon_business_days must be true or false"),
        ("[sender]\nname = 3", 2, "sender.name must be text"),
        ('sender = "Suzuki"', 1, "sender must be a table"),
        (
            '[display]\ndate_style = "long"',
            2,
            'display.date_style must be "short", "iso" or "wareki"',
        ),
        (
            '[dates]\nclosed_days = "12/29-01/03"',
            2,
            "dates.closed_days must be a list of days such as "
            '"12/29-01/03" or "2027/08/12-2027/08/16"',
        ),
    ],
)
def test_a_wrong_value_names_the_file_line_key_and_what_is_expected(path, text, line, expected):
    assert _error(path, f'editor = "vim"\n{text}\n') == f"{path}, line {line + 1}: {expected}"


def test_the_sender_is_read_as_typed_and_saved_beside_the_rest(path):
    _write(path, '[sender]\ncompany = "㈱台帳商事"\nname = "髙橋\u3000一郎"\n')
    config = load_config(path)
    assert config.sender == Sender(company="㈱台帳商事", name="髙橋\u3000一郎")
    assert config.sender.is_set and not Config().sender.is_set
    save_config(config.with_sender(Sender(name="鈴木", phone="０３－１２３４－５６７８")), path)
    again = load_config(path)
    assert again.sender == Sender(name="鈴木", phone="０３－１２３４－５６７８")
    phone_only = Config().replace(sender_phone="０３－１２３４－５６７８")
    assert again.replace(sender_name="") == phone_only


def test_a_mistake_after_a_100_kb_template_names_its_line(path):
    # Each start of the file used to be parsed in turn (50 s here); now one pass.
    letter = "".join(f'line {n}: [x] key = "{n}" # not a comment\n' for n in range(2800))
    short = "short = '''\n[a]\n'''\n"
    text = f'[templates]\nlong = """\n{letter}"""\n{short}call = [\n  "Dear",\n]\n'
    assert len(text.encode()) > 100_000
    line = text.count("\n") - 2  # where `call` starts, not where its list ends
    assert _error(path, text) == f"{path}, line {line}: templates.call must be text"


def test_a_file_that_is_not_utf8_is_reported(path):
    path.parent.mkdir(parents=True)
    path.write_bytes('theme = "ノルド"\n'.encode("shift_jis"))
    with pytest.raises(ConfigError, match="not UTF-8") as raised:
        load_config(path)
    assert str(path) in str(raised.value)


def test_an_unreadable_file_is_reported_in_one_line(path):
    path.mkdir(parents=True)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).startswith(f"Cannot read {path}: ")
    assert "\n" not in str(raised.value)


def test_a_setting_cannot_be_changed_to_a_value_the_file_could_not_hold():
    with pytest.raises(ConfigError, match=r"^backup\.keep must be a positive whole number"):
        Config().replace(backup_keep=0)


def test_saving_creates_the_directory_and_leaves_no_temporary_file(path):
    save_config(Config(soon_days=5), path)
    save_config(Config(soon_days=6), path)
    assert list(path.parent.iterdir()) == [path]
    assert load_config(path).soon_days == 6


def test_saving_through_a_symlink_keeps_the_link(tmp_path):
    target = _write(tmp_path / "dotfiles" / "daicho.toml", "soon_days = 1\n")
    link = tmp_path / "config" / "config.toml"
    link.parent.mkdir()
    link.symlink_to(target)
    save_config(Config(soon_days=2), link)
    assert link.is_symlink()
    assert load_config(target).soon_days == 2


def test_a_save_that_cannot_write_is_reported(tmp_path):
    blocker = _write(tmp_path / "not-a-directory", "")
    with pytest.raises(ConfigError, match=r"^Cannot write "):
        save_config(Config(), blocker / "config.toml")


# Windows line ends in templates are saved as "\n" (see the module docstring).
_text = st.text().filter(lambda text: "\r\n" not in text)


@given(
    language=st.sampled_from(["auto", "en", "ja"]),
    theme=_text,
    soon_days=st.integers(min_value=0, max_value=2**63 - 1),
    backup_keep=st.integers(min_value=1, max_value=2**63 - 1),
    backup_enabled=st.booleans(),
    templates=st.dictionaries(st.text(), _text, max_size=4),
    soon_business_days=st.booleans(),
    date_style=st.sampled_from(["short", "iso", "wareki"]),
    closed_days=st.lists(st.sampled_from(["12/29-01/03", "08/13～08/16", "2027/5/6"])),
)
def test_any_valid_config_saves_and_loads_back_equal(path, **values):
    config = Config(**values)
    save_config(config, path)
    assert load_config(path) == config


@given(templates=st.dictionaries(st.text(), _text, min_size=1, max_size=4))
def test_the_line_of_a_template_is_where_its_statement_starts(templates):
    text = tomli_w.dumps({"theme": "x", "templates": templates}, multiline_strings=True)
    lines = text.split("\n")
    for name in templates:
        line = line_of(text, ("templates", name))
        before = tomllib.loads("\n".join(lines[: line - 1]))
        assert name not in before.get("templates", {})
        assert any(
            name in tomllib.loads(start).get("templates", {})
            for n in range(line, len(lines) + 1)
            if _parses(start := "\n".join(lines[:n]))
        )


def _parses(text):
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return True
