use crate::domain::roles::{Role, RoleSet};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub org_id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub is_agent: bool,
    pub is_coach: bool,
    pub is_leader: bool,
    pub is_admin: bool,
    pub active: bool,
    /// Bumped when a password changes or the account is deactivated, which
    /// ends every session opened before.
    pub session_version: i32,
    pub created_at: ChronoDateTimeUtc,
    /// IANA name the person reads and enters times in; none: the
    /// organisation's.
    pub time_zone: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::organization::Entity",
        from = "Column::OrgId",
        to = "super::organization::Column::Id"
    )]
    Organization,
}

impl Related<super::organization::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Organization.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    pub fn roles(&self) -> RoleSet {
        let mut set = RoleSet::empty();
        for (flag, role) in [
            (self.is_agent, Role::Agent),
            (self.is_coach, Role::Coach),
            (self.is_leader, Role::Leader),
            (self.is_admin, Role::Admin),
        ] {
            if flag {
                set = set.with(role);
            }
        }
        set
    }
}

impl ActiveModel {
    /// A new, active account that no session has seen yet.
    pub fn new_account(
        org_id: i32,
        email: String,
        name: String,
        password_hash: String,
        roles: RoleSet,
    ) -> Self {
        use sea_orm::ActiveValue::Set;
        let mut account = ActiveModel {
            org_id: Set(org_id),
            email: Set(email),
            name: Set(name),
            password_hash: Set(password_hash),
            active: Set(true),
            session_version: Set(0),
            created_at: Set(chrono::Utc::now()),
            ..Default::default()
        };
        account.set_roles(roles);
        account
    }

    pub fn set_roles(&mut self, roles: RoleSet) {
        use sea_orm::ActiveValue::Set;
        self.is_agent = Set(roles.has(Role::Agent));
        self.is_coach = Set(roles.has(Role::Coach));
        self.is_leader = Set(roles.has(Role::Leader));
        self.is_admin = Set(roles.has(Role::Admin));
    }
}
