-- The Summaries page first asks which (tag, kind) pairs each chosen run logged: with this index that is read from
-- the index alone, never from the rows and their packed numbers (issue 15: 50 runs x 1,000 histograms).
CREATE INDEX trial_summaries_tag_kinds ON trial_summaries (trial_id, tag, kind);
