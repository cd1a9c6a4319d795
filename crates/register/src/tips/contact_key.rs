//! The key that seals a reporter's contact details at rest (ChaCha20-Poly1305, a random nonce
//! per value). Parses the key from configuration; never logs or prints it.

use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::RngCore;

/// The environment variable the services read the key from.
pub const KEY_VARIABLE: &str = "TOLKEREGISTER_TIP_KEY";

const KEY_BYTES: usize = 32;
const NONCE_BYTES: usize = 12;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error(
        "nøkkelen for varslerens kontaktopplysninger mangler: sett {KEY_VARIABLE} til 32 tilfeldige byte (base64 eller hex)"
    )]
    Missing,
    #[error("nøkkelen for varslerens kontaktopplysninger er {0} byte; den må være nøyaktig 32 byte (base64 eller hex)")]
    WrongLength(usize),
    #[error("nøkkelen for varslerens kontaktopplysninger er verken gyldig base64 eller hex")]
    NotEncoded,
    #[error("kontaktopplysningene kan ikke åpnes med denne nøkkelen (feil nøkkel eller skadde data)")]
    CannotOpen,
}

/// A 32-byte key for sealing contact details.
#[derive(Clone)]
pub struct ContactKey(Key);

impl std::fmt::Debug for ContactKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ContactKey(..)")
    }
}

impl ContactKey {
    /// Parses a key given as 64 hex digits or as base64 (standard, padded or not).
    pub fn parse(value: &str) -> Result<ContactKey, KeyError> {
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
        let array: [u8; KEY_BYTES] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| KeyError::WrongLength(bytes.len()))?;
        Ok(ContactKey(Key::from(array)))
    }

    /// A fresh random key: for tests, and for the embedded default's first start.
    pub fn random() -> ContactKey {
        let mut bytes = [0u8; KEY_BYTES];
        rand::rng().fill_bytes(&mut bytes);
        ContactKey(Key::from(bytes))
    }

    /// The key as 64 hex digits, for writing the embedded default's key file.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Reads the key from [`KEY_VARIABLE`].
    pub fn from_env() -> Result<ContactKey, KeyError> {
        ContactKey::parse(&std::env::var(KEY_VARIABLE).unwrap_or_default())
    }

    /// Encrypts `plain` under a fresh random nonce; the result is nonce ‖ ciphertext ‖ tag.
    pub fn seal(&self, plain: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_BYTES];
        rand::rng().fill_bytes(&mut nonce);
        let cipher = ChaCha20Poly1305::new(&self.0);
        let sealed = cipher
            .encrypt(&Nonce::from(nonce), plain)
            .expect("ChaCha20-Poly1305 encrypts any message shorter than 256 GiB");
        let mut out = nonce.to_vec();
        out.extend(sealed);
        out
    }

    /// Decrypts what [`ContactKey::seal`] produced; fails on a wrong key or altered bytes.
    pub fn open(&self, sealed: &[u8]) -> Result<Vec<u8>, KeyError> {
        if sealed.len() < NONCE_BYTES {
            return Err(KeyError::CannotOpen);
        }
        let (nonce, body) = sealed.split_at(NONCE_BYTES);
        let nonce: [u8; NONCE_BYTES] = nonce.try_into().map_err(|_| KeyError::CannotOpen)?;
        ChaCha20Poly1305::new(&self.0)
            .decrypt(&Nonce::from(nonce), body)
            .map_err(|_| KeyError::CannotOpen)
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
        }
        assert!(ContactKey::parse(&HEX[..62]).is_err());
        assert!(KeyError::WrongLength(5).to_string().contains("32 byte"));
    }

    #[test]
    fn sealing_hides_the_text_uses_fresh_nonces_and_detects_tampering() {
        let key = ContactKey::parse(HEX).unwrap();
        let a = key.seal(b"Kari Nordmann, kari@example.no");
        let b = key.seal(b"Kari Nordmann, kari@example.no");
        assert_ne!(a, b, "the same text must not seal to the same bytes");
        assert!(!a.windows(4).any(|w| w == b"Kari"));
        assert_eq!(key.open(&a).unwrap(), b"Kari Nordmann, kari@example.no");
        let mut altered = a.clone();
        *altered.last_mut().unwrap() ^= 1;
        assert_eq!(key.open(&altered), Err(KeyError::CannotOpen));
        let other = ContactKey::parse(&HEX.replace("00", "ff")).unwrap();
        assert_eq!(other.open(&a), Err(KeyError::CannotOpen));
        assert_eq!(format!("{key:?}"), "ContactKey(..)");
    }
}
