"""Views, per-pathway counts, saved guides and settings.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(256), nullable=False),
    )
    op.create_table(
        "pathway_view",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("slug", sa.String(300), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("visitor", sa.String(64), nullable=False),
        sa.UniqueConstraint("slug", "day", "visitor", name="uq_pathway_view_visit"),
    )
    op.create_table(
        "pathway_count",
        sa.Column("slug", sa.String(300), primary_key=True),
        sa.Column("views", sa.Integer, nullable=False),
    )
    op.create_index("ix_pathway_count_views", "pathway_count", ["views"])
    op.create_table(
        "saved_guide",
        sa.Column("token", sa.String(43), primary_key=True),
        sa.Column("slug", sa.String(300), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("params", sa.JSON, nullable=False),
        sa.Column("guide", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("saved_guide")
    op.drop_index("ix_pathway_count_views", "pathway_count")
    op.drop_table("pathway_count")
    op.drop_table("pathway_view")
    op.drop_table("setting")
