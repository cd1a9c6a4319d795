//! The keys that protect a reporter's contact details at rest: a public **sealing key** that can
//! only encrypt (the public service and staff intake hold it) and the private **contact key**
//! that opens them (only the staff service holds it). Sealed boxes (X25519 + XSalsa20-Poly1305,
//! a fresh ephemeral key per value) from the `crypto_box` crate: an intruder in the
//! internet-facing service, which can write tips and reach the database, still cannot read
//! who reported whom. Keys are parsed from configuration and never logged or printed.

use base64::Engine;
use crypto_box::aead::OsRng;
use crypto_box::{PublicKey, SecretKey};

/// The environment variable the staff service reads the private key from.
pub const KEY_VARIABLE: &str = "TOLKEREGISTER_TIP_KEY";
/// The environment variable the public service reads the sealing key from.
pub const SEALING_KEY_VARIABLE: &str = "TOLKEREGISTER_TIP_SEALING_KEY";

const KEY_BYTES: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error(
        "nøkkelen for varslerens kontaktopplysninger mangler: sett {KEY_VARIABLE} til 32 tilfeldige byte (base64 eller hex); `tolkeregister tip-key` lager et nøkkelpar"
    )]
    Missing,
    #[error("nøkkelen for varslerens kontaktopplysninger er {0} byte; den må være nøyaktig 32 byte (base64 eller hex)")]
    WrongLength(usize),
    #[error("nøkkelen for varslerens kontaktopplysninger er verken gyldig base64 eller hex")]
    NotEncoded,
    #[error("kontaktopplysningene kan ikke åpnes med denne nøkkelen (feil nøkkel eller skadde data)")]
    CannotOpen,
}

/// 32 bytes given as 64 hex digits or as base64 (standard, padded or not).
fn parse_bytes(value: &str) -> Result<[u8; KEY_BYTES], KeyError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(KeyError::Missing);
    }
    let bytes = if v.len() == 2 * KEY_BYTES && v.bytes().all(|b| b.is_ascii_hexdigit()) {
        (0..KEY_BYTES)
            .map(|i| u8::from_str_radix(&v[2 * i..2 * i + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(|_| KeyError::NotEncoded)?
    } else {
        base64::engine::general_purpose::STANDARD
            .decode(v)
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(v))
            .map_err(|_| KeyError::NotEncoded)?
    };
    bytes
        .as_slice()
        .try_into()
        .map_err(|_| KeyError::WrongLength(bytes.len()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whatever can seal contact details: the sealing key, or the private key (which implies it).
pub trait Seal {
    /// Encrypts `plain` for the holder of the private key.
    fn seal(&self, plain: &[u8]) -> Vec<u8>;
}

impl<T: Seal + ?Sized> Seal for std::sync::Arc<T> {
    fn seal(&self, plain: &[u8]) -> Vec<u8> {
        (**self).seal(plain)
    }
}

/// The public half: encrypts contact details, cannot decrypt them.
#[derive(Clone, PartialEq, Eq)]
pub struct SealingKey(PublicKey);

impl std::fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealingKey(..)")
    }
}

impl SealingKey {
    pub fn parse(value: &str) -> Result<SealingKey, KeyError> {
        Ok(SealingKey(PublicKey::from_bytes(parse_bytes(value)?)))
    }

    /// Reads the key from [`SEALING_KEY_VARIABLE`].
    pub fn from_env() -> Result<SealingKey, KeyError> {
        SealingKey::parse(&std::env::var(SEALING_KEY_VARIABLE).unwrap_or_default())
    }

    pub fn to_hex(&self) -> String {
        hex(self.0.as_bytes())
    }

    pub fn as_bytes(&self) -> &[u8; KEY_BYTES] {
        self.0.as_bytes()
    }
}

impl Seal for SealingKey {
    fn seal(&self, plain: &[u8]) -> Vec<u8> {
        // Sealing only fails for messages beyond the address space.
        self.0.seal(&mut OsRng, plain).expect("a sealed box of a small message")
    }
}

/// The private half: opens sealed contact details. Only the staff service holds it.
#[derive(Clone)]
pub struct ContactKey(SecretKey);

impl std::fmt::Debug for ContactKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContactKey(..)")
    }
}

impl ContactKey {
    /// Parses a key given as 64 hex digits or as base64 (standard, padded or not).
    pub fn parse(value: &str) -> Result<ContactKey, KeyError> {
        Ok(ContactKey(SecretKey::from_bytes(parse_bytes(value)?)))
    }

    /// A fresh random key: for tests, and for the embedded default's first start.
    pub fn random() -> ContactKey {
        ContactKey(SecretKey::generate(&mut OsRng))
    }

    /// The key as 64 hex digits, for writing the embedded default's key file.
    pub fn to_hex(&self) -> String {
        hex(&self.0.to_bytes())
    }

    /// Reads the key from [`KEY_VARIABLE`].
    pub fn from_env() -> Result<ContactKey, KeyError> {
        ContactKey::parse(&std::env::var(KEY_VARIABLE).unwrap_or_default())
    }

    /// The public half, for the services that take tips in.
    pub fn sealing_key(&self) -> SealingKey {
        SealingKey(self.0.public_key())
    }

    /// Decrypts what [`Seal::seal`] produced for this key.
    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
        self.0.unseal(sealed).map_err(|_| KeyError::CannotOpen)
    }
}

impl Seal for ContactKey {
    fn seal(&self, plain: &[u8]) -> Vec<u8> {
        self.sealing_key().seal(plain)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    #[test]
    fn keys_parse_from_hex_or_base64_and_refuse_anything_else() {
        let b64 = base64::engine::general_purpose::STANDARD.encode((0u8..32).collect::<Vec<_>>());
        let table: [(&str, Result<(), KeyError>); 6] = [
            (HEX, Ok(())),
            (&b64, Ok(())),
            ("", Err(KeyError::Missing)),
            ("   ", Err(KeyError::Missing)),
            ("c2hvcnQ=", Err(KeyError::WrongLength(5))),
            ("not base64 at all!", Err(KeyError::NotEncoded)),
        ];
        for (input, expected) in table {
            assert_eq!(ContactKey::parse(input).map(|_| ()), expected, "{input:?}");
            assert_eq!(SealingKey::parse(input).map(|_| ()), expected, "{input:?}");
        }
        assert!(ContactKey::parse(&HEX[..62]).is_err());
        assert!(KeyError::WrongLength(5).to_string().contains("32 byte"));
        let key = ContactKey::parse(HEX).unwrap();
        assert_eq!(ContactKey::parse(&key.to_hex()).unwrap().to_hex(), HEX);
        let sealing = key.sealing_key();
        assert_eq!(SealingKey::parse(&sealing.to_hex()).unwrap(), sealing);
    }

    #[test]
    fn the_sealing_key_seals_for_the_private_key_alone() {
        let key = ContactKey::parse(HEX).unwrap();
        let sealing = SealingKey::parse(&key.sealing_key().to_hex()).unwrap();
        let plain = b"Kari Nordmann, kari@example.no";
        let a = sealing.seal(plain);
        let b = sealing.seal(plain);
        assert_ne!(a, b, "a fresh ephemeral key per value");
        assert!(!a.windows(5).any(|w| w == b"Nordm"), "no plain text");
        assert_eq!(key.open(&a).unwrap(), plain);
        assert_eq!(key.open(&key.seal(plain)).unwrap(), plain);
        assert_eq!(ContactKey::random().open(&a), Err(KeyError::CannotOpen), "another key");
        let mut tampered = a.clone();
        *tampered.last_mut().unwrap() ^= 1;
        assert_eq!(key.open(&tampered), Err(KeyError::CannotOpen));
        assert_eq!(key.open(&a[..10]), Err(KeyError::CannotOpen));
    }
}
