import pytest


def pytest_collection_modifyitems(config, items):
    # With `-n 2 --dist loadgroup` (make test) the backup round trip, a module fixture of about two
    # minutes, runs once on one worker instead of once per worker.
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if item.module.__name__.endswith("cms.tests.test_backup"):
            item.add_marker(pytest.mark.xdist_group("ops_backup_round_trip"))
