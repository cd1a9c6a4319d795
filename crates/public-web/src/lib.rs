//! The public web service (axum + maud): search pages, interpreter, language and verify pages,
//! help, the JSON API, and the tip form. Unauthenticated and answered from the search index:
//! public fields only. Tips go in through `TipIntake`, which cannot read any case back.

pub mod api;
pub mod assets;
pub mod charts;
pub mod error;
pub mod figures_cache;
pub mod health;
pub mod i18n;
pub mod open_data_labels;
pub mod pages;
pub mod params;
pub mod response_cache;
pub mod security;
pub mod statistics_query;
pub mod statistics_tables;
pub mod tips;
pub mod views;

use std::path::Path;
use std::sync::Arc;

use axum::Router;
use register::Database;
use register::tips::SealingKey;
use search::{Indexer, IndexerOptions, SearchError, SearchIndex};

use crate::figures_cache::FiguresCache;
use crate::response_cache::ResponseCache;
use crate::tips::{FormKey, TipGuard, TipIntake, TipSettings};

/// What every public handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub index: Arc<SearchIndex>,
    /// The task keeping the index current; `None` when the index is filled by other means.
    pub indexer: Option<Indexer>,
    /// The register, only for the readiness probe's report (searches never touch it).
    pub store: Option<Database>,
    /// Finished search responses of the current index version.
    pub responses: Arc<ResponseCache>,
    /// Where the tip form files tips; `None` when this service takes no tips (the form then
    /// says so with a 503).
    pub tips: Option<TipIntake>,
    /// The tip form's rate limits, form key and memory of forms already sent.
    pub tip_guard: Arc<TipGuard>,
    /// When responses carry `Strict-Transport-Security`.
    pub hsts: throttle::Hsts,
    /// The register's figures per day for the statistics pages (read from `store`).
    pub figures: Arc<FiguresCache>,
    /// Cells of language × county below this are hidden in public statistics.
    pub disclosure_threshold: u64,
}

/// Public language × county cells below this many entries are hidden.
pub const DEFAULT_DISCLOSURE_THRESHOLD: u64 = register::statistics::disclosure::DEFAULT_THRESHOLD;

fn untipped_guard() -> Arc<TipGuard> {
    Arc::new(TipGuard::new(TipSettings::default(), FormKey::random()))
}

impl AppState {
    /// Opens (or rebuilds) the index in `index_dir` and starts the indexer that follows `store`.
    /// Must be called inside a tokio runtime.
    pub fn start(store: Database, index_dir: &Path) -> Result<AppState, SearchError> {
        let index = Arc::new(SearchIndex::open(Some(index_dir), store.catalogue().clone())?);
        let indexer = Indexer::spawn(index.clone(), store.clone(), IndexerOptions::default());
        Ok(AppState {
            index,
            indexer: Some(indexer),
            store: Some(store),
            responses: Arc::default(),
            tips: None,
            tip_guard: untipped_guard(),
            hsts: throttle::Hsts::off(),
            figures: Arc::default(),
            disclosure_threshold: DEFAULT_DISCLOSURE_THRESHOLD,
        })
    }

    /// [`AppState::start`] with the tip form taking tips into `store`, the reporter's contact
    /// sealed with `key` (the public half; this service cannot open what it sealed).
    pub fn start_with_tips(store: Database, index_dir: &Path, key: SealingKey) -> Result<AppState, SearchError> {
        let state = AppState::start(store.clone(), index_dir)?;
        Ok(state.with_tips(TipIntake::new(store, key)))
    }

    /// This service taking tips through `intake` (default limits).
    pub fn with_tips(mut self, intake: TipIntake) -> AppState {
        self.tip_guard = Arc::new(TipGuard::shared(
            self.tip_guard.settings.clone(),
            intake.form_key(),
            intake.store(),
        ));
        self.tips = Some(intake);
        self
    }

    /// Other limits for the tip form (trusted proxy, rates), keeping its key.
    pub fn with_tip_settings(mut self, settings: TipSettings) -> AppState {
        let key = self.tip_guard.key.clone();
        self.tip_guard = Arc::new(match &self.tips {
            Some(intake) => TipGuard::shared(settings, key, intake.store()),
            None => TipGuard::new(settings, key),
        });
        self
    }

    /// Sends `Strict-Transport-Security` as `hsts` says.
    pub fn with_hsts(mut self, hsts: throttle::Hsts) -> AppState {
        self.hsts = hsts;
        self
    }

    /// A service over an index filled by other means (tests, load tests): no indexer, no store.
    pub fn with_index(index: Arc<SearchIndex>) -> AppState {
        AppState {
            index,
            indexer: None,
            store: None,
            responses: Arc::default(),
            tips: None,
            tip_guard: untipped_guard(),
            hsts: throttle::Hsts::off(),
            figures: Arc::default(),
            disclosure_threshold: DEFAULT_DISCLOSURE_THRESHOLD,
        }
    }

    /// Statistics from `store` (a service over a prepared index otherwise has none).
    pub fn with_store(mut self, store: Database) -> AppState {
        self.store = Some(store);
        self
    }

    /// Hides language × county cells below `threshold` in the public statistics.
    pub fn with_disclosure_threshold(mut self, threshold: u64) -> AppState {
        self.disclosure_threshold = threshold.max(1);
        self
    }

    /// Whether the index has been built or caught up since start.
    pub fn ready(&self) -> bool {
        self.indexer.as_ref().is_none_or(|i| i.status().ready)
    }
}

/// The public service's routes.
pub fn router(state: AppState) -> Router {
    let hsts = state.hsts.clone();
    let app = Router::new()
        .merge(health::routes())
        .merge(api::routes())
        .merge(pages::routes())
        .merge(assets::routes())
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn(error::localise))
        .with_state(state);
    security::headers(telemetry::instrument(app, "public"), hsts)
}
