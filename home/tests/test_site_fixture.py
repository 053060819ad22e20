import time

from programmes.factories import CallForParticipationPageFactory, EventPageFactory, PartnershipFactory


def test_site_fixture_builds_german_home(site):
    assert site.home.url == "/de/"
    assert site.call_index.url == "/de/aufrufe/"
    t = time.time()
    for _ in range(30):
        CallForParticipationPageFactory()
        EventPageFactory()
        PartnershipFactory()
    print("per item", (time.time() - t) / 90)
    assert 0
