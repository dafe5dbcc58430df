"""Progress on saved plans: checked-off roadmap tasks and learned skills.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_item",
        sa.Column(
            "token",
            sa.String(43),
            sa.ForeignKey("saved_guide.token", ondelete="CASCADE", name="fk_plan_item_saved_guide"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token", "kind", "key", name="pk_plan_item"),
    )


def downgrade() -> None:
    op.drop_table("plan_item")
