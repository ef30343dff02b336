//! Titles cited inside `《》`, without the brackets, each once, in order.

/// The titles cited in a text.
///
/// ```
/// use duban_extract::reference::references;
/// assert_eq!(references("贯彻《行政复议法》和《行政诉讼法》，落实《行政复议法》"), ["行政复议法", "行政诉讼法"]);
/// ```
pub fn references(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '《' => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let title = current.trim().to_string();
                    if !title.is_empty() && !out.contains(&title) {
                        out.push(title);
                    }
                    current.clear();
                } else {
                    current.push(c);
                }
            }
            '\n' => {
                depth = 0;
                current.clear();
            }
            _ if depth > 0 => current.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_titles_keep_the_inner_brackets() {
        assert_eq!(
            references("印发《关于贯彻〈条例〉的意见》"),
            ["关于贯彻〈条例〉的意见"]
        );
    }

    #[test]
    fn an_unclosed_bracket_does_not_swallow_the_next_line() {
        assert_eq!(references("《未闭合\n《行政许可法》"), ["行政许可法"]);
    }
}
