"""Names and words in the narrow cells of the vendors pane and the queue."""

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from daicho.i18n import set_language
from daicho.widgets.narrow_cells import category_cells, fit, fitted_name


def test_a_name_that_fits_is_shown_as_written():
    assert fitted_name("株式会社アクメ", 14) == "株式会社アクメ"


def test_a_name_too_long_writes_the_kind_of_company_short_wherever_it_stands():
    assert fitted_name("株式会社アクメ通信", 12) == "㈱アクメ通信"
    assert fitted_name("銀河通信工業 株式会社", 12) == "銀河通信工業㈱"
    assert fitted_name("有限会社 白鷺", 6) == "㈲白鷺"
    assert fitted_name("合同会社ニンバス", 8) == "(同)ニンバス"
    assert fitted_name("Northwind Communications", 10) == "Northwind Communications"


def test_a_cut_wide_character_leaves_no_gap_before_the_ellipsis():
    assert fit("関東ホスティング", 10) == "関東ホス… "
    assert fit("関東ホスティング", 10, right=True) == " 関東ホス…"
    assert fit("Evergreen", 6) == "Everg…"


@given(st.text(), st.integers(min_value=0, max_value=40), st.booleans())
def test_fit_fills_exactly_its_cells(value, width, right):
    value = "".join(c for c in value if c.isprintable())
    assert cell_len(fit(value, width, right)) == width


def test_the_category_column_is_as_wide_as_the_widest_short_category():
    assert category_cells() == 5  # Cloud, Maint
    set_language("ja")
    assert category_cells() == 8  # クラウド
