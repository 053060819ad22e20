"""Search and reference indexes updated once per object at the end of a demo load, not at every save.

Loading the demo saves each page several times (draft, revision, publish, and each translation again
through wagtail-localize), and every save queued an update of the search index (modelsearch) and of
Wagtail's reference index: about 1,400 updates for some 250 objects, a third of the load's time (run
at once by the test settings' immediate task backend, queued for the worker elsewhere). Inside
``deferred_index_updates`` the saves are only noted; at the end each saved object is indexed once, by
the same tasks, in its final state. Deletions still update the indexes at once.
"""

import contextlib

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task


@contextlib.contextmanager
def deferred_index_updates(update_at_end=True):
    """Note the objects saved inside; at the end, index each of them once (unless ``update_at_end`` is
    false because the caller rebuilds the indexes anyway)."""
    saved = {}  # (model, pk) -> None: the saved objects in order, each once

    def note(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender, instance.pk] = None

    search_models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    # modelsearch's handler has no switch: disconnect it for the models it was connected to.
    disconnected = [model for model in search_models if post_save.disconnect(post_save_signal_handler, sender=model)]
    post_save.connect(note, weak=False, dispatch_uid="cms_demo_deferred_index_updates")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="cms_demo_deferred_index_updates")
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)
    if not update_at_end:
        return
    pks_by_model = {}
    for model, pk in saved:
        pks_by_model.setdefault(model, []).append(pk)
    for model, pks in pks_by_model.items():
        existing = set(model._base_manager.filter(pk__in=pks).values_list("pk", flat=True))
        for pk in pks:
            if pk not in existing:
                continue  # saved and deleted again inside: nothing to index
            label = (model._meta.app_label, model._meta.model_name, str(pk))
            if model in disconnected:
                insert_or_update_object_task.call(*label)
            if model in ReferenceIndex.tracked_models:
                update_reference_index_task.call(*label)
