"""Reading an article list from CSV (issue 14, item 13): repeated identical rows are skipped
and counted, common header names are understood, a real conflict still refuses the file and
names both lines; rows the campaign already has unchanged are skipped too."""

from __future__ import annotations

import pytest

from models.article_csv import read_article_csv, read_article_list
from models.errors import DomainError


def numbers(data: bytes) -> list[str]:
    return [line["number"] for _, line in read_article_csv(data)]


@pytest.mark.parametrize(
    "header",
    [
        "number,title",
        "Article,Title",
        "ARTICLE,TITLE",
        "Art.,Subject",
        "No.,Name",
        "No,Title",
        "#,Title",
        "Number , Title ",
        "\ufeffArticle,Title",
    ],
)
def test_common_headers_are_understood(header: str) -> None:
    data = f"{header}\n1,Recognition\n2,Definitions\n".encode()
    assert numbers(data) == ["1", "2"]


def test_the_columns_may_come_title_first() -> None:
    found = read_article_list(b"Title,Article\nRecognition,1\n")
    assert [line for _, line in found.lines] == [
        {"type": "article.added", "number": "1", "title": "Recognition"}
    ]


def test_an_unknown_header_names_what_it_needs() -> None:
    with pytest.raises(DomainError, match=r"^line 1: .*number.*title.*`Foo,Bar`"):
        read_article_list(b"Foo,Bar\n1,Recognition\n")


def test_identical_rows_are_skipped_and_counted() -> None:
    data = b"Article,Title\n1,Recognition\n2,Definitions\n1,Recognition\n2, Definitions \n3,Wages\n"
    found = read_article_list(data)
    assert [line["number"] for _, line in found.lines] == ["1", "2", "3"]
    assert found.repeated == (4, 5)
    assert found.summary() == "3 articles ready (2 repeated rows skipped)"


def test_a_real_conflict_refuses_the_file_naming_both_lines() -> None:
    data = b"number,title\n1,Recognition\n2,Definitions\n1,Union Rights\n"
    with pytest.raises(DomainError) as refused:
        read_article_list(data)
    message = str(refused.value)
    assert message.startswith("line 4: ")
    assert "line 2" in message and "Recognition" in message and "Union Rights" in message


def test_rows_the_campaign_has_unchanged_are_skipped() -> None:
    found = read_article_list(
        b"number,title\n1,Recognition\n2,Definitions\n", existing={"1": "Recognition"}
    )
    assert [line["number"] for _, line in found.lines] == ["2"]
    assert found.known == (2,)
    assert found.summary() == "1 article ready (1 already in the campaign)"


def test_a_row_that_retitles_an_article_of_the_campaign_is_refused() -> None:
    with pytest.raises(DomainError, match=r"^line 2: article 1 is already .Recognition."):
        read_article_list(b"number,title\n1,Union Rights\n", existing={"1": "Recognition"})


def test_a_list_with_nothing_new_says_so() -> None:
    found = read_article_list(b"number,title\n1,Recognition\n", existing={"1": "Recognition"})
    assert found.lines == ()
    assert found.summary() == "nothing new: 1 already in the campaign"
