"""Static pages for every pathway, ready for object storage and a CDN, rendered on Dask.

    careerpath export --out site/ --sample 2000 --workers 2
    careerpath export --out /shared/site --scheduler tcp://scheduler:8786

Each pathway becomes pathways/{slug}.html (the same bytes /pathways/{slug} serves) and
pathways/{slug}.json (the same data as /pathways/{slug}.json, without indentation). A file is written to a temporary
name and renamed, so it exists only when complete; a pathway whose two files exist is done,
and a second run skips it. See docs/deploy.md for hosting the result.
"""
