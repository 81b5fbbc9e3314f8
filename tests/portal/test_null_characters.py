"""A NUL character in a query parameter is a clear 400, never a server error: PostgreSQL cannot
compare text holding NUL, and the public lists and the API filter on query values."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("/en/?city=Jakarta%00", "The address holds a null character"),
        ("/id/?q=%00banjir", "Alamat memuat karakter null"),
        ("/en/?%00=1", "The address holds a null character"),
    ],
)
def test_a_page_address_with_a_null_character_is_refused_in_the_readers_language(
    client, address, says
):
    response = client.get(address)
    assert response.status_code == 400
    assert says in response.content.decode()


def test_an_api_filter_with_a_null_character_is_a_json_400_naming_the_parameter(client):
    response = client.get("/api/v1/pilots/?agency=dinas%00")
    assert response.status_code == 400
    assert response.json()["errors"]["agency"] == ["A null character is not allowed here."]
