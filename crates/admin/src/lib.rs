//! The staff service on its own listener with its own authentication: interpreters,
//! qualifications, licences, foreign approvals, decisions and four-eyes approval, tip cases, as
//! pages and JSON.

pub mod api;
pub mod approvals;
pub mod auth;
pub mod changes;
pub mod committee;
pub mod corrections;
pub mod coverage;
pub mod decisions;
pub mod error;
pub mod exclusions;
pub mod foreign;
pub mod forms;
pub mod health;
pub mod home;
pub mod interpreters;
pub mod labels;
pub mod layout;
pub mod letters;
pub mod licences;
pub mod listing;
pub mod login;
pub mod openapi;
pub mod qualifications;
pub mod staff;
pub mod statistics;
pub mod tip_figures;
pub mod tips;
pub mod upload;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use register::Database;
use register::casework::Deadlines;
use register::tips::{ContactKey, TermRules, TipRules};

use auth::csrf::CsrfKey;
use auth::limits::{LoginLimits, LoginThrottle};
use auth::oidc::{OidcError, OidcSettings, OidcVerifier};
use auth::session::SessionKeys;
use auth::sign_ins::SignIns;
use auth::users::{DemoLogin, StaffDirectory};
use auth::{Authenticator, Role};

/// Settings that the law or the organisation may change.
#[derive(Debug, Clone)]
pub struct Settings {
    pub deadlines: Deadlines,
    /// The body that hears appeals against IMDi's decisions (the name has changed over time).
    pub appeal_body: String,
    /// Appeal period, warning window and thresholds for tip decisions.
    pub tip_rules: TipRules,
    /// How long committee terms run.
    pub term_rules: TermRules,
    /// Failed password logins allowed per username and per client address.
    pub login_limits: LoginLimits,
    /// When responses carry `Strict-Transport-Security`.
    pub hsts: throttle::Hsts,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            deadlines: Deadlines::default(),
            appeal_body: "Arbeids- og inkluderingsdepartementet".into(),
            tip_rules: TipRules::default(),
            term_rules: TermRules::default(),
            login_limits: LoginLimits::default(),
            hsts: throttle::Hsts::off(),
        }
    }
}

/// What every admin handler can reach.
#[derive(Clone)]
pub struct AdminState {
    pub store: Database,
    pub auth: Arc<Authenticator>,
    pub csrf: Arc<CsrfKey>,
    pub settings: Arc<Settings>,
    /// Opens the reporter's sealed contact details for the caseworkers allowed to see them.
    pub tip_key: Arc<ContactKey>,
    /// Failed password logins per username at an address, per username and per address,
    /// counted in the database so every instance shares them.
    pub login_throttle: Arc<LoginThrottle>,
    /// Under OpenID Connect, who has been seen signing in (the staff directory this service has).
    pub sign_ins: Arc<SignIns>,
}

/// How the service is started.
#[derive(Debug, Clone, Default)]
pub struct AdminConfig {
    /// Sign in through this OpenID Connect provider; `None` uses the built-in demo staff.
    pub oidc: Option<OidcSettings>,
    /// Key material for session tokens and CSRF tokens, shared by all instances; random
    /// (sessions end at restart) when `None`.
    pub secret: Option<String>,
    /// How long a built-in session lasts.
    pub session_hours: Option<u64>,
    pub settings: Settings,
    /// The key for reporters' contact details; a random one (tips sealed before a restart become
    /// unreadable) when `None`, which only tests should rely on.
    pub tip_key: Option<ContactKey>,
}

impl AdminState {
    /// The active caseworkers and seniors a tip case can be given to, as `(login, name)`: from
    /// the built-in directory, or under OpenID Connect those seen signing in lately with a
    /// casework role (`register::staff`).
    pub async fn caseworkers(&self) -> Result<Vec<(String, String)>, register::StoreError> {
        let label = |login: &str, name: &str| (login.to_string(), format!("{name} ({login})"));
        match self.auth.as_ref() {
            Authenticator::Embedded { directory, .. } => Ok(directory
                .users()
                .iter()
                .filter(|u| {
                    u.roles
                        .iter()
                        .any(|r| matches!(r, Role::Caseworker | Role::SeniorCaseworker))
                })
                .map(|u| label(&u.username, &u.name))
                .collect()),
            Authenticator::Oidc(_) => {
                let now = auth::now();
                let since = now - register::staff::ACTIVE_DAYS * 86_400;
                Ok(self
                    .store
                    .staff_seen_since(since)
                    .await?
                    .iter()
                    .filter(|m| register::staff::standing(Some(m), now) == register::tips::StaffStanding::Caseworker)
                    .map(|m| label(&m.login, &m.name))
                    .collect())
            }
        }
    }

    /// What the staff directory says about `login` (`staff:kari`), for giving someone a tip case:
    /// the built-in directory, or under OpenID Connect the sign-ins this service has seen (the
    /// provider tells it about someone only when they sign in).
    pub async fn staff_standing(&self, login: &str) -> Result<register::tips::StaffStanding, register::StoreError> {
        use register::tips::StaffStanding;
        let username = auth::short_login(login);
        match self.auth.as_ref() {
            Authenticator::Embedded { directory, .. } => {
                Ok(match directory.users().iter().find(|u| u.username == username) {
                    Some(u)
                        if u.roles
                            .iter()
                            .any(|r| matches!(r, Role::Caseworker | Role::SeniorCaseworker)) =>
                    {
                        StaffStanding::Caseworker
                    }
                    Some(_) => StaffStanding::OtherRole,
                    None => StaffStanding::Unknown,
                })
            }
            Authenticator::Oidc(_) => {
                let member = self.store.staff_member(username).await?;
                Ok(register::staff::standing(member.as_ref(), auth::now()))
            }
        }
    }

    /// The state for `config`, and the demo logins to print when the built-in directory is used.
    /// With OpenID Connect this fetches the provider's discovery document and keys first.
    pub async fn start(store: Database, config: AdminConfig) -> Result<(AdminState, Vec<DemoLogin>), OidcError> {
        let csrf = match &config.secret {
            Some(s) => CsrfKey::from_secret(s.as_bytes()),
            None => CsrfKey::random(),
        };
        let (auth, logins) = match config.oidc {
            Some(settings) => (Authenticator::Oidc(OidcVerifier::load(settings).await?), Vec::new()),
            None => {
                let (directory, logins) = StaffDirectory::demo();
                let lifetime = Duration::from_secs(config.session_hours.unwrap_or(8) * 3600);
                let keys = match &config.secret {
                    Some(s) => SessionKeys::from_secret(format!("session:{s}").as_bytes(), lifetime),
                    None => SessionKeys::random(lifetime),
                };
                (Authenticator::Embedded { directory, keys }, logins)
            }
        };
        let tip_key = config.tip_key.unwrap_or_else(ContactKey::random);
        Ok((AdminState::new(store, auth, csrf, config.settings, tip_key), logins))
    }

    pub fn new(
        store: Database,
        auth: Authenticator,
        csrf: CsrfKey,
        settings: Settings,
        tip_key: ContactKey,
    ) -> AdminState {
        AdminState {
            login_throttle: Arc::new(LoginThrottle::new(settings.login_limits.clone(), store.clone())),
            store,
            auth: Arc::new(auth),
            csrf: Arc::new(csrf),
            settings: Arc::new(settings),
            tip_key: Arc::new(tip_key),
            sign_ins: Arc::new(SignIns::default()),
        }
    }
}

/// The admin service's routes. Every route but the probes, `/metrics` (counts per route
/// template, nothing personal), the stylesheets and sign-in asks for a role through its
/// handler's `Authorised<…>` argument.
pub fn router(state: AdminState) -> Router {
    let app = Router::new()
        .route("/admin.css", get(layout::stylesheet))
        .route("/theme.css", get(layout::theme))
        .merge(health::routes())
        .merge(login::routes())
        .merge(home::routes())
        .merge(interpreters::routes())
        .merge(qualifications::routes())
        .merge(corrections::routes())
        .merge(licences::routes())
        .merge(exclusions::routes())
        .merge(approvals::routes())
        .merge(decisions::routes())
        .merge(foreign::routes())
        .merge(statistics::routes())
        .merge(coverage::routes())
        .merge(tips::routes())
        .merge(committee::routes())
        .merge(tip_figures::routes())
        .merge(staff::routes())
        .merge(api::routes())
        .route("/metrics", get(telemetry::metrics_page))
        .layer(axum::middleware::from_fn_with_state(
            state.settings.hsts.clone(),
            layout::security_headers,
        ))
        .with_state(state);
    telemetry::instrument(app, "admin")
}
