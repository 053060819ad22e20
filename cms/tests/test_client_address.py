import pytest
from django.test import RequestFactory

from cms.client_address import client_ip


def request_with(remote="10.0.0.5", forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_with(forwarded="203.0.113.9")) == "10.0.0.5"


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        # nginx appended the real client; the visitor's own "1.2.3.4" is ignored.
        (1, "1.2.3.4, 198.51.100.7", "198.51.100.7"),
        (1, "198.51.100.7", "198.51.100.7"),
        # A load balancer in front of nginx: two entries appended by trusted hops.
        (2, "1.2.3.4, 198.51.100.7, 10.1.1.1", "198.51.100.7"),
        # Fewer entries than proxies: the header was not written by our proxies.
        (2, "198.51.100.7", "10.0.0.5"),
        (1, "", "10.0.0.5"),
    ],
)
def test_the_client_is_counted_from_the_right(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_with(forwarded=forwarded)) == expected


def test_spoofed_leftmost_entries_do_not_change_the_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    first = client_ip(request_with(forwarded="6.6.6.6, 198.51.100.7"))
    second = client_ip(request_with(forwarded="7.7.7.7, 198.51.100.7"))
    assert first == second == "198.51.100.7"
