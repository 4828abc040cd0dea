CREATE CONSTRAINT change_consumer_name IF NOT EXISTS FOR (c:ChangeConsumer) REQUIRE c.name IS UNIQUE
