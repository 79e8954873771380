//! A set of pixel positions in a row as bits, read back in order by skipping whole empty words:
//! the row's touched pixels and colour breaks come out sorted without a sort.

pub struct RowBits {
    words: Vec<u64>,
    /// The lowest and highest word that may hold a bit.
    low: usize,
    high: usize,
}

impl RowBits {
    /// Room for positions 0..=`last`.
    pub fn new(last: usize) -> Self {
        RowBits {
            words: vec![0; last / 64 + 1],
            low: usize::MAX,
            high: 0,
        }
    }

    pub fn insert(&mut self, at: usize) {
        let word = at / 64;
        self.words[word] |= 1 << (at % 64);
        self.low = self.low.min(word);
        self.high = self.high.max(word);
    }

    /// Calls `visit` with every position, in order, and empties the set.
    pub fn drain(&mut self, mut visit: impl FnMut(usize)) {
        if self.low > self.high {
            return;
        }
        for word in self.low..=self.high {
            let mut bits = self.words[word];
            self.words[word] = 0;
            while bits != 0 {
                visit(word * 64 + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        }
        self.low = usize::MAX;
        self.high = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_come_back_sorted_once_each_and_the_set_empties() {
        let mut set = RowBits::new(300);
        for at in [300, 5, 64, 5, 63, 0, 129] {
            set.insert(at);
        }
        let mut seen = Vec::new();
        set.drain(|at| seen.push(at));
        assert_eq!(seen, vec![0, 5, 63, 64, 129, 300]);
        set.drain(|at| seen.push(at));
        assert_eq!(seen.len(), 6);
        set.insert(7);
        set.drain(|at| seen.push(at));
        assert_eq!(seen[6..], [7]);
    }
}
