//! The bound on what a zip-shaped upload (ODT, DOCX) expands to. A document of a few megabytes
//! can inflate to gigabytes in whatever later opens it, so before it is stored every entry the
//! central directory lists is inflated here, streaming into nothing, and counted against one
//! budget for the whole archive: the sizes the archive declares are checked too, but never
//! trusted, and entries that share data (overlapping "better zip bombs") count once per entry.

use std::io::Read;

/// The most an accepted archive may expand to, all entries together (100 MB).
pub const MAX_INFLATED_BYTES: u64 = 100 * 1024 * 1024;
/// The most entries an accepted archive may hold (a long ODT has a few dozen).
pub const MAX_ENTRIES: usize = 10_000;

const LOCAL_HEADER: &[u8; 4] = b"PK\x03\x04";
const CENTRAL_HEADER: &[u8; 4] = b"PK\x01\x02";
const END_OF_DIRECTORY: &[u8; 4] = b"PK\x05\x06";
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// Why an archive was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveProblem {
    /// It would expand beyond [`MAX_INFLATED_BYTES`] (declared or measured).
    TooLarge,
    /// More than [`MAX_ENTRIES`] entries.
    TooManyEntries,
    /// Not a readable zip: truncated, inconsistent, zip64, encrypted or compressed another way.
    Unreadable,
}

/// Whether `content` is zip-shaped (starts with a local file header).
pub fn is_zip(content: &[u8]) -> bool {
    content.starts_with(LOCAL_HEADER)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// One entry as the central directory describes it.
struct Entry {
    flags: u16,
    method: u16,
    compressed: u64,
    declared: u64,
    local_offset: usize,
}

/// The central directory's entries, from the end-of-directory record (the last one in the final
/// 64 KiB, as readers look for it).
fn entries(content: &[u8]) -> Result<Vec<Entry>, ArchiveProblem> {
    use ArchiveProblem::*;
    let tail_start = content.len().saturating_sub(22 + 65_535);
    let end = content[tail_start..]
        .windows(4)
        .rposition(|w| w == END_OF_DIRECTORY)
        .map(|i| tail_start + i)
        .ok_or(Unreadable)?;
    let count = usize::from(u16_at(content, end + 10).ok_or(Unreadable)?);
    let dir_offset = u32_at(content, end + 16).ok_or(Unreadable)?;
    if count == usize::from(u16::MAX) || dir_offset == u32::MAX {
        return Err(Unreadable); // zip64: no document of ours needs it
    }
    if count > MAX_ENTRIES {
        return Err(TooManyEntries);
    }
    let mut at = dir_offset as usize;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if content.get(at..at + 4) != Some(CENTRAL_HEADER) {
            return Err(Unreadable);
        }
        let field = |o: usize| u16_at(content, at + o).ok_or(Unreadable);
        let wide = |o: usize| u32_at(content, at + o).ok_or(Unreadable);
        let (compressed, declared, local_offset) = (wide(20)?, wide(24)?, wide(42)?);
        if [compressed, declared, local_offset].contains(&u32::MAX) {
            return Err(Unreadable);
        }
        out.push(Entry {
            flags: field(8)?,
            method: field(10)?,
            compressed: u64::from(compressed),
            declared: u64::from(declared),
            local_offset: local_offset as usize,
        });
        at += 46 + usize::from(field(28)?) + usize::from(field(30)?) + usize::from(field(32)?);
    }
    Ok(out)
}

/// The bytes `data` inflates to, reading at most `budget + 1` of them.
fn inflated(data: &[u8], budget: u64) -> Result<u64, ArchiveProblem> {
    let decoder = flate2::bufread::DeflateDecoder::new(data);
    std::io::copy(&mut decoder.take(budget + 1), &mut std::io::sink()).map_err(|_| ArchiveProblem::Unreadable)
}

/// Checks a zip-shaped upload: at most [`MAX_ENTRIES`] entries, whose declared sizes and whose
/// real inflated sizes each add up to at most [`MAX_INFLATED_BYTES`]; an entry that inflates to
/// more than it declares is refused as crafted.
pub fn check(content: &[u8]) -> Result<(), ArchiveProblem> {
    use ArchiveProblem::*;
    let entries = entries(content)?;
    let declared: u64 = entries.iter().map(|e| e.declared).sum();
    if declared > MAX_INFLATED_BYTES {
        return Err(TooLarge);
    }
    let mut total: u64 = 0;
    for e in &entries {
        if e.flags & 1 != 0 {
            return Err(Unreadable); // encrypted: cannot be measured
        }
        let local = e.local_offset;
        if content.get(local..local + 4) != Some(LOCAL_HEADER) {
            return Err(Unreadable);
        }
        let name = usize::from(u16_at(content, local + 26).ok_or(Unreadable)?);
        let extra = usize::from(u16_at(content, local + 28).ok_or(Unreadable)?);
        let start = local + 30 + name + extra;
        let end = start.checked_add(e.compressed as usize).ok_or(Unreadable)?;
        let data = content.get(start..end).ok_or(Unreadable)?;
        let budget = MAX_INFLATED_BYTES - total;
        let size = match e.method {
            STORED => data.len() as u64,
            DEFLATED => inflated(data, budget)?,
            _ => return Err(Unreadable),
        };
        if size > budget {
            return Err(TooLarge);
        }
        if size > e.declared {
            return Err(Unreadable);
        }
        total += size;
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use super::*;

    /// A zip of `entries` (name, method, declared size, data as stored), with a central
    /// directory; the sizes it declares are whatever the caller says.
    pub(crate) fn zip(entries: &[(&str, u16, u32, Vec<u8>)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut central = Vec::new();
        for (name, method, declared, data) in entries {
            let offset = out.len() as u32;
            let common = |b: &mut Vec<u8>| {
                b.extend_from_slice(&20u16.to_le_bytes()); // version needed
                b.extend_from_slice(&0u16.to_le_bytes()); // flags
                b.extend_from_slice(&method.to_le_bytes());
                b.extend_from_slice(&[0; 4]); // time, date
                b.extend_from_slice(&[0; 4]); // CRC-32: not what is checked here
                b.extend_from_slice(&(data.len() as u32).to_le_bytes());
                b.extend_from_slice(&declared.to_le_bytes());
                b.extend_from_slice(&(name.len() as u16).to_le_bytes());
                b.extend_from_slice(&0u16.to_le_bytes()); // extra
            };
            out.extend_from_slice(LOCAL_HEADER);
            common(&mut out);
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(data);
            central.extend_from_slice(CENTRAL_HEADER);
            central.extend_from_slice(&20u16.to_le_bytes()); // version made by
            common(&mut central);
            central.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
            central.extend_from_slice(&[0; 4]); // external attributes
            central.extend_from_slice(&offset.to_le_bytes());
            central.extend_from_slice(name.as_bytes());
        }
        let dir_offset = out.len() as u32;
        out.extend_from_slice(&central);
        out.extend_from_slice(END_OF_DIRECTORY);
        out.extend_from_slice(&[0; 4]);
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
        out.extend_from_slice(&(central.len() as u32).to_le_bytes());
        out.extend_from_slice(&dir_offset.to_le_bytes());
        out.extend_from_slice(&[0; 2]);
        out
    }

    pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// A deflate stream of `mib` MiB of zeros, small on disk: one MiB of zeros compressed and
    /// sync-flushed (a self-contained run of blocks), repeated, then an empty final block.
    pub(crate) fn zeros(mib: usize) -> Vec<u8> {
        let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(&vec![0u8; 1 << 20]).unwrap();
        e.flush().unwrap();
        let chunk = e.get_ref().clone();
        let mut out = chunk.repeat(mib);
        out.extend_from_slice(&[0x03, 0x00]);
        out
    }

    /// An OpenDocument text whose `content.xml` is `body` deflated, declaring `declared`.
    pub(crate) fn odt(body: Vec<u8>, declared: u32) -> Vec<u8> {
        zip(&[
            (
                "mimetype",
                STORED,
                39,
                b"application/vnd.oasis.opendocument.text".to_vec(),
            ),
            ("content.xml", DEFLATED, declared, body),
        ])
    }

    #[test]
    fn archives_are_measured_by_inflating_not_by_their_headers() {
        let xml = b"<office:document-content>hei</office:document-content>".repeat(100);
        assert_eq!(check(&odt(deflate(&xml), xml.len() as u32)), Ok(()));

        // 300 MiB of zeros in about 300 KB, declaring its true size: refused on the declaration.
        let bomb = zeros(300);
        assert!(bomb.len() < 400_000, "{}", bomb.len());
        assert_eq!(check(&odt(bomb.clone(), 300 << 20)), Err(ArchiveProblem::TooLarge));
        // The same, declaring 1 KB: refused on what it really inflates to.
        assert_eq!(check(&odt(bomb, 1024)), Err(ArchiveProblem::TooLarge));
        // Within the budget but more than it declares: a crafted header.
        assert_eq!(check(&odt(zeros(2), 1024)), Err(ArchiveProblem::Unreadable));

        // Many entries sharing one small stream each count: 200 × 1 MiB > 100 MiB.
        let one = zeros(1);
        let many: Vec<(String, u16, u32, Vec<u8>)> = (0..200)
            .map(|i| (format!("f{i}"), DEFLATED, 1 << 20, one.clone()))
            .collect();
        let refs: Vec<(&str, u16, u32, Vec<u8>)> = many
            .iter()
            .map(|(n, m, d, b)| (n.as_str(), *m, *d, b.clone()))
            .collect();
        assert_eq!(check(&zip(&refs)), Err(ArchiveProblem::TooLarge));

        let mut truncated = odt(deflate(&xml), xml.len() as u32);
        truncated.truncate(60);
        assert_eq!(check(&truncated), Err(ArchiveProblem::Unreadable));
        assert_eq!(
            check(&zip(&[("x", 12, 3, b"abc".to_vec())])),
            Err(ArchiveProblem::Unreadable),
            "bzip2 cannot be measured here"
        );
    }
}
