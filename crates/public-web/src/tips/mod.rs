//! The public tip form's machinery: the intake that files tips, the posted form and its checks,
//! the form token and the abuse guards. Pages and views live in `pages::tip` and `views::tip`.

pub mod form;
pub mod guard;
pub mod intake;
pub mod token;

pub use form::{Field, Problem, Problems, Refusal, TipForm};
pub use guard::{TipGuard, TipSettings};
pub use intake::TipIntake;
pub use token::FormKey;
