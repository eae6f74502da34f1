insert into author(name) values ('Ursula K. Le Guin'), ('Stanisław Lem');
insert into book(title, author_id) values ('The Dispossessed', 1), ('Solaris', 2), ('The Cyberiad', 2);
insert into award(name, author_id) values ('Hugo', 1), ('Nebula', 1);
