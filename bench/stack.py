"""Names of the database and cache a benchmark figure ran on, e.g. "SQLite + local memory"."""

DATABASES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
CACHES = {
    "LocMemCache": "local memory",
    "DatabaseCache": "database cache",
    "RedisCache": "Redis",
    "DummyCache": "no cache",
}


def database_name(database_url_or_engine):
    """ "SQLite" or "PostgreSQL" from a DATABASE_URL or a Django database ENGINE."""
    text = str(database_url_or_engine).lower()
    scheme_or_module = text.split(":", 1)[0].rsplit(".", 1)[-1]
    for key, name in DATABASES.items():
        if scheme_or_module.startswith(key):
            return name
    return scheme_or_module


def cache_name(backend_path):
    return CACHES.get(backend_path.rsplit(".", 1)[-1], backend_path)


def label_from_settings(settings):
    """The stack the running Django process uses."""
    engine = settings.DATABASES["default"]["ENGINE"]
    backend = settings.CACHES["default"]["BACKEND"]
    return f"{database_name(engine)} + {cache_name(backend)}"


def label_for_server(database_url, redis_url):
    """The stack of a production-settings server: Redis when given, else the database cache."""
    return f"{database_name(database_url)} + {'Redis' if redis_url else 'database cache'}"
