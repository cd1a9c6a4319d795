//! Where the public form hands a tip to the register. It can only file tips: it exposes no read
//! of any case, so nothing in the public service can show case data, even by mistake.

use std::sync::Arc;

use register::Database;
use register::StoreError;
use register::tips::{NewTip, SealingKey, TipError};

use super::token::FormKey;

/// The public service's one way into tip storage: `submit`, which answers with the case
/// reference and nothing else of the case.
#[derive(Clone)]
pub struct TipIntake {
    store: Database,
    /// Seals the reporter's contact; cannot open it again (only the staff service can).
    key: Arc<SealingKey>,
}

impl std::fmt::Debug for TipIntake {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TipIntake(..)")
    }
}

impl TipIntake {
    pub fn new(store: Database, key: SealingKey) -> TipIntake {
        TipIntake {
            store,
            key: Arc::new(key),
        }
    }

    /// Files `tip` (the reporter's contact sealed) and returns its reference, e.g.
    /// `VAR-2026-00012`.
    pub async fn submit(&self, tip: &NewTip) -> Result<String, TipError<StoreError>> {
        let case = self.store.receive_tip(tip, self.key.as_ref()).await?;
        Ok(case.reference())
    }

    /// The register the tips go to, where the form's double-send memory lives too.
    pub(crate) fn store(&self) -> Database {
        self.store.clone()
    }

    /// The key of this service's form tokens, derived from the sealing key (which every public
    /// instance of one register shares).
    pub(crate) fn form_key(&self) -> FormKey {
        FormKey::derive(&self.key)
    }
}
