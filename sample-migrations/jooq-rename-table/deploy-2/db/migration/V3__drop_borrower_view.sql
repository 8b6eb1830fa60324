-- Contract: drop the old name. Safe only once no running version uses borrower,
-- that is once deploy-1 (which uses member) serves traffic.
DROP VIEW borrower;
