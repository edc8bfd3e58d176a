"""PPO with MPI actors and a learner."""
